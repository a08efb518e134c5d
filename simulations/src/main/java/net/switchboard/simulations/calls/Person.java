package net.switchboard.simulations.calls;

import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.NodeLog;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.call.CallListener;
import net.switchboard.signaling.call.CallManager;
import net.switchboard.signaling.call.ListCallPolicy;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.directory.ContactPublishing;
import net.switchboard.signaling.transport.OverlayRouter;
import net.switchboard.signaling.transport.OverlayTransport;
import net.switchboard.signaling.transport.TransportSelector;
import net.switchboard.simulations.scenario.SimNode;

/**
 * One person: a lasting Ed25519 identity that runs, on whichever node of the population hosts it,
 * the production {@link ContactPublishing} (publish schedule, holder audits) and a {@link
 * CallManager} signaling over the overlay, wired as the node's composition root wires them. When
 * its node leaves, the person is offline until it is attached to a fresh node, where it publishes
 * again (a user restarting their node).
 */
final class Person {
  final int index;
  final Identity identity;
  private SimNode host;
  private ContactPublishing publishing;
  private CallManager calls;
  private boolean published;

  Person(int index, Identity identity) {
    this.index = index;
    this.identity = identity;
  }

  /** Starts publishing and calls on {@code node}. */
  void attach(SimNode node, Scheduler scheduler, SimulatedMedia media, SplittableRandom random, CallListener listener) {
    host = node;
    published = false;
    Reachability reach = Reachability.viaOwnNode(node.dht().id());
    publishing = new ContactPublishing(node.dht(), scheduler, identity, random.split(), reach,
        ContactPublishing.Settings.defaults(), NodeLog.silent());
    SimNode publishedOn = node;
    publishing.start().whenComplete((put, error) -> {
      if (host == publishedOn && error == null) {
        published = true;
      }
    });
    calls = CallManager.builder(identity, scheduler)
        .random(random.split())
        .transports(new TransportSelector(scheduler, List.of(OverlayTransport.over(OverlayRouter.of(node.dht())))))
        .media(media.engine())
        .policy(new ListCallPolicy().autoAccept(ListCallPolicy.AutoAccept.EVERYONE))
        .replyTo(reach)
        .listener(listener)
        .build();
  }

  /** Its node left: offline until attached again. */
  void detach() {
    if (publishing != null) {
      publishing.stop();
    }
    host = null;
    publishing = null;
    calls = null;
    published = false;
  }

  SimNode host() {
    return host;
  }

  CallManager calls() {
    return calls;
  }

  ContactPublishing publishing() {
    return publishing;
  }

  /** Hosted by a live node, with its record published from there. */
  boolean online() {
    return host != null && host.alive() && published;
  }

  /** Online and in no call. */
  boolean idle() {
    return online() && calls.current().isEmpty();
  }
}
