package net.switchboard.signaling.call;

import java.util.HashSet;
import java.util.Set;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;

/**
 * The usual policy: a block list (always wins), do-not-disturb (refuses everyone), restricted mode
 * (only the allow list may ring), and what to auto-accept. Node thread only, as the call manager
 * that consults it.
 */
public final class ListCallPolicy implements CallPolicy {
  /** Which allowed calls are accepted without asking. */
  public enum AutoAccept {
    NEVER,
    ALLOW_LISTED,
    EVERYONE
  }

  private final Set<Id256> allowed = new HashSet<>();
  private final Set<Id256> blocked = new HashSet<>();
  private boolean doNotDisturb;
  private boolean restricted;
  private AutoAccept autoAccept = AutoAccept.NEVER;

  public ListCallPolicy allow(byte[] identityKey) {
    allowed.add(Identity.nodeIdOf(identityKey));
    return this;
  }

  public ListCallPolicy block(byte[] identityKey) {
    blocked.add(Identity.nodeIdOf(identityKey));
    return this;
  }

  public ListCallPolicy unblock(byte[] identityKey) {
    blocked.remove(Identity.nodeIdOf(identityKey));
    return this;
  }

  public ListCallPolicy doNotDisturb(boolean on) {
    this.doNotDisturb = on;
    return this;
  }

  /** Restricted mode: callers not on the allow list are refused. */
  public ListCallPolicy restricted(boolean on) {
    this.restricted = on;
    return this;
  }

  public ListCallPolicy autoAccept(AutoAccept mode) {
    this.autoAccept = mode;
    return this;
  }

  @Override
  public Decision decide(byte[] callerKey, long nowMillis) {
    Id256 id = Identity.nodeIdOf(callerKey);
    boolean isAllowed = allowed.contains(id);
    if (blocked.contains(id) || doNotDisturb || (restricted && !isAllowed)) {
      return Decision.REFUSE;
    }
    if (autoAccept == AutoAccept.EVERYONE || (autoAccept == AutoAccept.ALLOW_LISTED && isAllowed)) {
      return Decision.ACCEPT;
    }
    return Decision.RING;
  }
}
