package net.switchboard.signaling.call;

/** Call events of one {@link CallManager}, on the node's thread. Must not block. */
public interface CallListener {
  /** A call rings here (policy allowed it); answer with {@link CallSession#accept} or {@link CallSession#reject}. */
  default void onIncoming(CallSession call) {}

  /** A call moved from {@code from} to {@code to}. */
  default void onStateChanged(CallSession call, CallState from, CallState to) {}

  /** A call ended; {@link CallSession#endReason()} and {@link CallSession#endDetail()} say why. */
  default void onEnded(CallSession call) {}

  /** Policy refused a call from {@code callerKey}; the caller was told nothing. */
  default void onRefused(byte[] callerKey, CallId callId) {}
}
