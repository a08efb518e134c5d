package net.switchboard.overlay.calls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.call.CallPolicy;
import net.switchboard.signaling.call.ListCallPolicy;

/**
 * A node's call policy: the block list always wins, do-not-disturb refuses everyone, restricted
 * mode lets only the allow list ring; allowed callers are answered by {@code autoAccept}. The allow
 * list is the node's contacts (replaced whenever its contact book changes) plus fixed entries from
 * the command line and list files. Thread-safe.
 */
public final class LivePolicy implements CallPolicy {
  private final Set<Id256> fixedAllowed = new HashSet<>();
  private final Set<Id256> blocked = new HashSet<>();
  private final boolean doNotDisturb;
  private final boolean restricted;
  private final ListCallPolicy.AutoAccept autoAccept;
  private volatile Set<Id256> contacts = Set.of();

  public LivePolicy(List<byte[]> allowed, List<byte[]> blocked, boolean doNotDisturb, boolean restricted,
      ListCallPolicy.AutoAccept autoAccept) {
    allowed.forEach(k -> fixedAllowed.add(Identity.nodeIdOf(k)));
    blocked.forEach(k -> this.blocked.add(Identity.nodeIdOf(k)));
    this.doNotDisturb = doNotDisturb;
    this.restricted = restricted;
    this.autoAccept = autoAccept;
  }

  /** Replaces the contacts part of the allow list. */
  public void contacts(List<byte[]> identityKeys) {
    Set<Id256> next = new HashSet<>();
    identityKeys.forEach(k -> next.add(Identity.nodeIdOf(k)));
    contacts = Set.copyOf(next);
  }

  @Override
  public Decision decide(byte[] callerKey, long nowMillis) {
    Id256 id = Identity.nodeIdOf(callerKey);
    boolean allowed = fixedAllowed.contains(id) || contacts.contains(id);
    if (blocked.contains(id) || doNotDisturb || (restricted && !allowed)) {
      return Decision.REFUSE;
    }
    if (autoAccept == ListCallPolicy.AutoAccept.EVERYONE
        || (autoAccept == ListCallPolicy.AutoAccept.ALLOW_LISTED && allowed)) {
      return Decision.ACCEPT;
    }
    return Decision.RING;
  }

  @Override
  public String toString() {
    return "policy[auto-accept " + autoAccept.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + (restricted ? ", restricted" : "") + (doNotDisturb ? ", do not disturb" : "")
        + ", " + (fixedAllowed.size() + contacts.size()) + " allowed, " + blocked.size() + " blocked]";
  }
}
