package net.switchboard.signaling.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.contact.Reachability;

/**
 * Where to send signaling for one identity: its Ed25519 public key (what envelopes are encrypted
 * to) and the reachability part of its resolved contact record (introduction routes, direct
 * endpoints, accepted transports).
 */
public final class ContactAddress {
  private final byte[] identityKey;
  private final Id256 identityId;
  private final Reachability reachability;

  private ContactAddress(byte[] identityKey, Reachability reachability) {
    this.identityKey = identityKey;
    this.identityId = Identity.nodeIdOf(identityKey);
    this.reachability = reachability;
  }

  /**
   * @throws IllegalArgumentException when the key is not 32 bytes or reachability is missing
   */
  public static ContactAddress of(byte[] identityKey, Reachability reachability) {
    if (identityKey == null || identityKey.length != Ed25519Keys.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("identity key must be 32 bytes");
    }
    if (reachability == null) {
      throw new IllegalArgumentException("reachability must not be null");
    }
    return new ContactAddress(identityKey.clone(), reachability);
  }

  /** A Java node whose person identity is its node key: routed to its own node id. */
  public static ContactAddress ofNode(byte[] identityKey) {
    return of(identityKey, Reachability.viaOwnNode(Identity.nodeIdOf(identityKey)));
  }

  public byte[] identityKey() {
    return identityKey.clone();
  }

  /** SHA-256 of the identity key (equal to the node id when the identity is a node key). */
  public Id256 identityId() {
    return identityId;
  }

  public Reachability reachability() {
    return reachability;
  }

  public List<Id256> routes() {
    return reachability.routes();
  }

  public List<DirectEndpoint> endpoints() {
    return reachability.endpoints();
  }

  public Set<ContactTransport> transports() {
    return reachability.transports();
  }

  /** Same identity key (reachability may differ between record versions). */
  public boolean sameIdentity(byte[] key) {
    return Arrays.equals(identityKey, key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContactAddress c && Arrays.equals(identityKey, c.identityKey) && reachability.equals(c.reachability);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(identityKey) + reachability.hashCode();
  }

  @Override
  public String toString() {
    return "ContactAddress[" + identityId.shortHex() + " via " + reachability.transports() + "]";
  }
}
