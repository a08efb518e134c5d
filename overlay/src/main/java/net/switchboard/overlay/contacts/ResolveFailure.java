package net.switchboard.overlay.contacts;

import java.util.Locale;
import net.switchboard.signaling.contact.ContactResolveException;

/**
 * Why a resolve failed, with the admin-API HTTP status of each (the CLI maps each to its exit code). The admin API
 * answers {@code {error, status, kind}} with {@code kind} = {@link #kind()}; the CLI maps it back.
 */
public enum ResolveFailure {
  /** Bad network, no node, timeout. */
  NETWORK(503),
  /** Not a valid printed id (typo, wrong length, checksum mismatch) or not a valid public key. */
  INVALID_ID(400),
  /** A valid id with no contact record in the DHT (unknown or offline for longer than a ttl). */
  NOT_FOUND(404),
  /** The record found has expired. */
  EXPIRED(410),
  /** The record is restricted and the resolver is not on its allow list. */
  NOT_ALLOWED(403),
  /** A record under the identity's storage key does not verify or decrypt. */
  FORGED(502);

  private final int httpStatus;

  ResolveFailure(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The lowercase name used in JSON ({@code not_found}). */
  public String kind() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The failure of a kind name, or NETWORK for an unknown one. */
  public static ResolveFailure ofKind(String kind) {
    for (ResolveFailure f : values()) {
      if (f.kind().equals(kind)) {
        return f;
      }
    }
    return NETWORK;
  }

  /** The failure of a resolver error (a record of another identity counts as forged). */
  public static ResolveFailure of(ContactResolveException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> NOT_FOUND;
      case EXPIRED -> EXPIRED;
      case NOT_ALLOWED -> NOT_ALLOWED;
      case FORGED, WRONG_IDENTITY -> FORGED;
    };
  }

  /** A one-line message for {@code printedId} failing this way, with {@code detail} where it adds something. */
  public String message(String printedId, String detail) {
    String head = switch (this) {
      case NETWORK -> "network error";
      case INVALID_ID -> "invalid id";
      case NOT_FOUND -> "unknown id: no contact record found for " + printedId
          + " (never published, or offline longer than a record lives)";
      case EXPIRED -> "expired record: the contact record of " + printedId + " has expired";
      case NOT_ALLOWED -> "not allowed: " + printedId
          + " publishes a restricted record and this resolver is not on its contact list";
      case FORGED -> "forged record: a record under " + printedId + "'s storage key does not verify";
    };
    boolean telling = this == NETWORK || this == INVALID_ID || this == FORGED; // the others say it all
    return !telling || detail == null || detail.isBlank() ? head : head + ": " + detail;
  }
}
