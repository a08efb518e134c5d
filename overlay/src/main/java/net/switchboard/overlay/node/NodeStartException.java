package net.switchboard.overlay.node;

/** A part of the node (socket, admin API, calls, gateway) could not start; the message says which and why. */
public final class NodeStartException extends RuntimeException {
  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
