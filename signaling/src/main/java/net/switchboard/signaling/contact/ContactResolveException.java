package net.switchboard.signaling.contact;

/** A contact record that could not be opened; {@link #kind()} says why, for a distinct CLI error. */
public final class ContactResolveException extends Exception {
  private final Kind kind;

  public ContactResolveException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Why a record could not be opened. */
  public enum Kind {
    /** The record is not this identity's (another identity's or another period's blinded key). */
    WRONG_IDENTITY,
    /** The record claims this identity's blinded key but its signature, encryption or layout is bad. */
    FORGED,
    /** Authentic, but its expiry has passed. */
    EXPIRED,
    /** Authentic and restricted, and the resolver is not on its allow list. */
    NOT_ALLOWED,
    /** No record was found under any of the identity's storage keys. */
    NOT_FOUND
  }
}
