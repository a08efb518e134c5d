package net.switchboard.signaling.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.switchboard.signaling.contact.crypto.StrictPublicKeys;
import net.switchboard.signaling.contact.crypto.X25519Keys;

/**
 * The contacts allowed to read a restricted record's reachability, by identity public key. Each
 * key is converted once to its X25519 form, to which the record's routes key is wrapped.
 */
public final class AccessList {
  /** Most contacts that fit a 2 KiB record next to a typical reachability part. */
  public static final int MAX_CONTACTS = 36;

  private final List<byte[]> x25519Keys;

  private AccessList(List<byte[]> x25519Keys) {
    this.x25519Keys = x25519Keys;
  }

  /**
   * An allow list of identity public keys (Ed25519, 32 bytes each). May be empty: then nobody can
   * read the reachability part.
   *
   * @throws IllegalArgumentException when a key is not a valid Ed25519 public key (off the curve,
   *     small order or not in the prime-order group), or there are
   *     more than {@link #MAX_CONTACTS}
   */
  public static AccessList of(Collection<byte[]> identityPublicKeys) {
    if (identityPublicKeys.size() > MAX_CONTACTS) {
      throw new IllegalArgumentException(
          identityPublicKeys.size() + " allowed contacts exceed " + MAX_CONTACTS + " per record");
    }
    List<byte[]> keys = new ArrayList<>(identityPublicKeys.size());
    int i = 0;
    for (byte[] pk : identityPublicKeys) {
      if (!StrictPublicKeys.valid(pk)) {
        throw new IllegalArgumentException("allowed contact " + i + " is not a valid Ed25519 public key");
      }
      keys.add(X25519Keys.publicKeyFromEd25519(pk));
      i++;
    }
    return new AccessList(List.copyOf(keys));
  }

  public int size() {
    return x25519Keys.size();
  }

  List<byte[]> x25519Keys() {
    return x25519Keys;
  }
}
