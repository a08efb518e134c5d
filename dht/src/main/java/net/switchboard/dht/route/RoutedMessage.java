package net.switchboard.dht.route;

import java.util.function.Consumer;
import net.switchboard.dht.identity.Id256;

/** A message routed to this node, with the means to answer it back along the same path. */
public final class RoutedMessage {
  private final long routeId;
  private final Id256 origin;
  private final byte[] payload;
  private final int hops;
  private final Consumer<byte[]> replier;
  private boolean replied;
  private boolean held;

  RoutedMessage(long routeId, Id256 origin, byte[] payload, int hops, Consumer<byte[]> replier) {
    this.routeId = routeId;
    this.origin = origin;
    this.payload = payload;
    this.hops = hops;
    this.replier = replier;
  }

  public long routeId() {
    return routeId;
  }

  /** The node id the origin put first on the path (claimed, not proven: authenticate the payload). */
  public Id256 origin() {
    return origin;
  }

  public byte[] payload() {
    return payload;
  }

  /** Nodes the message passed through, origin included. */
  public int hops() {
    return hops;
  }

  /** Sends {@code reply} back along the path; only the first call has an effect. */
  public void reply(byte[] reply) {
    if (!replied) {
      replied = true;
      replier.accept(reply);
    }
  }

  /** Promises a later {@link #reply}; otherwise an empty one is sent when the handler returns. */
  public void holdReply() {
    held = true;
  }

  boolean needsAutoReply() {
    return !replied && !held;
  }
}
