package net.switchboard.dht.routing;

/**
 * What {@link RoutingTable#touch} did. When the bucket is full, {@code toPing} names its
 * least-recently-seen contact: the caller pings it and reports back with {@code touch} (it
 * answered: it stays, the newcomer waits in the replacement cache) or {@code markFailed} (it did
 * not: it is evicted and the newest replacement takes its place).
 */
public record TouchResult(Outcome outcome, Contact toPing) {
  public enum Outcome {
    /** The contact is new to the table. */
    ADDED,
    /** The contact was known; now most recently seen. */
    UPDATED,
    /** The bucket is full; the contact waits as a replacement. */
    BUCKET_FULL,
    /** The contact is this node itself; ignored. */
    SELF
  }

  static final TouchResult ADDED = new TouchResult(Outcome.ADDED, null);
  static final TouchResult UPDATED = new TouchResult(Outcome.UPDATED, null);
  static final TouchResult SELF = new TouchResult(Outcome.SELF, null);
}
