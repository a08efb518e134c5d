package net.switchboard.signaling.contact;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.switchboard.dht.identity.Id256;

/**
 * How to reach a publisher: the part of a contact record that restricted mode hides from everyone
 * not on the allow list.
 *
 * @param routes introduction routes: node ids that keep a live session with the publisher and
 *     forward to it (its own node id, its gateway, its keep-alive peers), best first
 * @param endpoints optional direct addresses
 * @param transports signaling transports the publisher accepts
 * @param media what the publisher can take in a call
 */
public record Reachability(
    List<Id256> routes, List<DirectEndpoint> endpoints, Set<ContactTransport> transports, Set<MediaCapability> media) {
  /** Most introduction routes a record carries. */
  public static final int MAX_ROUTES = 16;
  /** Most direct endpoints a record carries. */
  public static final int MAX_ENDPOINTS = 8;

  /** @throws IllegalArgumentException naming what is missing or too large */
  public Reachability {
    routes = List.copyOf(routes);
    endpoints = List.copyOf(endpoints);
    transports = frozen(transports, ContactTransport.class);
    media = frozen(media, MediaCapability.class);
    if (routes.size() > MAX_ROUTES) {
      throw new IllegalArgumentException(routes.size() + " routes exceed " + MAX_ROUTES);
    }
    if (endpoints.size() > MAX_ENDPOINTS) {
      throw new IllegalArgumentException(endpoints.size() + " endpoints exceed " + MAX_ENDPOINTS);
    }
    if (routes.isEmpty() && endpoints.isEmpty()) {
      throw new IllegalArgumentException("a record needs at least one route or endpoint");
    }
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("a record needs at least one signaling transport");
    }
  }

  private static <E extends Enum<E>> Set<E> frozen(Set<E> set, Class<E> type) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(set);
    return Collections.unmodifiableSet(copy);
  }

  /**
   * The default for a node: its own node id as the only route, the overlay transport, and audio,
   * video and data.
   */
  public static Reachability viaOwnNode(Id256 nodeId) {
    return new Reachability(
        List.of(nodeId), List.of(), EnumSet.of(ContactTransport.OVERLAY), EnumSet.allOf(MediaCapability.class));
  }
}
