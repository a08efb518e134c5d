package net.switchboard.simulations.scenario;

import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;

/** What the workload knows about one record it keeps alive: owner, newest version, fate. */
final class TrackedRecord {
  final int index;
  final Identity owner;
  final Id256 key;
  DhtRecord current;
  SimNode publisher;
  long seq;
  long expiresAtMillis;
  boolean published;
  int putAttempt;
  long publishedAtMillis;
  int storedAtFirstPut;
  int[] holdersAfterFirstPut = new int[0];
  boolean lost;
  long lostAtMillis;

  TrackedRecord(int index, Identity owner, Id256 key) {
    this.index = index;
    this.owner = owner;
    this.key = key;
  }

  /** Published and not yet expired: it should resolve. */
  boolean isLive(long nowMillis) {
    return published && nowMillis < expiresAtMillis;
  }
}
