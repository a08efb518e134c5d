package net.switchboard.dht.routing;

import java.util.ArrayList;
import java.util.List;
import net.switchboard.dht.identity.Id256;

/**
 * One k-bucket: up to k live entries ordered least-recently-seen first, plus a small replacement
 * cache of verified contacts that arrived while the bucket was full (newest last).
 */
final class KBucket {
  final List<RoutingEntry> entries = new ArrayList<>(4);
  final List<Contact> replacements = new ArrayList<>(0);
  long lastLookupMillis;

  int indexOf(Id256 id) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).contact.id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  void addReplacement(Contact c, int max) {
    replacements.removeIf(r -> r.id().equals(c.id()));
    replacements.add(c);
    if (replacements.size() > max) {
      replacements.remove(0);
    }
  }
}
