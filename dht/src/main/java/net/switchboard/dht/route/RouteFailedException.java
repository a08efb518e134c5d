package net.switchboard.dht.route;

/** A routed message could not be delivered: no node on the way knew a closer hop, or time ran out. */
public final class RouteFailedException extends RuntimeException {
  /** Why routing failed. */
  public enum Reason {
    NOT_FOUND,
    TIMEOUT,
    TOO_LARGE,
    STOPPED
  }

  private final Reason reason;

  public RouteFailedException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
