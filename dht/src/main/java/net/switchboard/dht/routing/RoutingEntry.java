package net.switchboard.dht.routing;

/** A contact held in a k-bucket, with what the table remembers about it. Mutable; table-internal. */
final class RoutingEntry {
  Contact contact;
  long lastSeenMillis;
  int failures;
  boolean pingPending;

  RoutingEntry(Contact contact, long lastSeenMillis) {
    this.contact = contact;
    this.lastSeenMillis = lastSeenMillis;
  }
}
