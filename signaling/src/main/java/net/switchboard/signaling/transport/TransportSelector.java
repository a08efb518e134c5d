package net.switchboard.signaling.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import net.switchboard.dht.identity.Id256;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.contact.ContactTransport;

/**
 * Picks, per contact, the transports its record lists and this node has, in the order overlay,
 * direct, peerjs, gateway; sends over the first and falls back to the next when one fails. The
 * transport that last worked for a contact is tried first next time (it is still one of the
 * contact's own transports).
 *
 * <p>Node thread only: a transport may complete its send on another thread (a Vert.x socket's
 * context), so each outcome is moved onto the {@link Scheduler} before the sticky choice changes.
 */
public final class TransportSelector {
  /** Preference order when nothing has worked yet. */
  public static final List<ContactTransport> ORDER =
      List.of(ContactTransport.OVERLAY, ContactTransport.DIRECT, ContactTransport.PEERJS, ContactTransport.GATEWAY);
  private static final int STICKY_CAPACITY = 1024;

  private final Scheduler scheduler;
  private final List<SignalingTransport> transports;
  private final Map<Id256, ContactTransport> lastGood = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Id256, ContactTransport> eldest) {
      return size() > STICKY_CAPACITY;
    }
  };

  /**
   * @throws IllegalArgumentException when empty or when two transports serve the same kind
   */
  public TransportSelector(Scheduler scheduler, List<SignalingTransport> transports) {
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("a selector needs at least one transport");
    }
    for (int i = 0; i < transports.size(); i++) {
      for (int j = i + 1; j < transports.size(); j++) {
        if (transports.get(i).kind() == transports.get(j).kind()) {
          throw new IllegalArgumentException("two transports of kind " + transports.get(i).kind());
        }
      }
    }
    this.scheduler = scheduler;
    this.transports = List.copyOf(transports);
  }

  /** Every transport, for wiring receivers. */
  public List<SignalingTransport> transports() {
    return transports;
  }

  /** Installs {@code receiver} on every transport. */
  public void onReceive(Consumer<Inbound> receiver) {
    for (SignalingTransport t : transports) {
      t.onReceive(receiver);
    }
  }

  /** The transports to try for {@code to}, best first. */
  public List<SignalingTransport> candidates(ContactAddress to) {
    ContactTransport sticky = lastGood.get(to.identityId());
    List<SignalingTransport> out = new ArrayList<>();
    for (SignalingTransport t : transports) {
      if (to.transports().contains(t.kind()) && t.canReach(to)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparingInt(t -> t.kind() == sticky ? -1 : ORDER.indexOf(t.kind())));
    return out;
  }

  /**
   * Sends {@code envelope} to {@code to}, falling back transport by transport. Completes with the
   * transport that delivered; fails with {@link TransportException} ALL_FAILED (cause: the last
   * failure) or NOT_APPLICABLE when no transport fits the contact.
   */
  public CompletableFuture<SignalingTransport> send(ContactAddress to, byte[] envelope) {
    List<SignalingTransport> list = candidates(to);
    if (list.isEmpty()) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.Reason.NOT_APPLICABLE,
          "no transport of ours fits " + to + " (it lists " + to.transports() + ")"));
    }
    CompletableFuture<SignalingTransport> result = new CompletableFuture<>();
    attempt(to, envelope, list, 0, null, result);
    return result;
  }

  private void attempt(ContactAddress to, byte[] envelope, List<SignalingTransport> list, int index, Throwable last,
      CompletableFuture<SignalingTransport> result) {
    if (index >= list.size()) {
      result.completeExceptionally(new TransportException(TransportException.Reason.ALL_FAILED,
          "every transport failed for " + to, last));
      return;
    }
    SignalingTransport t = list.get(index);
    CompletableFuture<Void> sent;
    try {
      sent = t.send(to, envelope);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((ok, error) -> scheduler.execute(() -> {
      if (error == null) {
        lastGood.put(to.identityId(), t.kind());
        result.complete(t);
      } else {
        lastGood.remove(to.identityId(), t.kind());
        attempt(to, envelope, list, index + 1, error, result);
      }
    }));
  }
}
