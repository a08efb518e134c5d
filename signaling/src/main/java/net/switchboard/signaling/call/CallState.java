package net.switchboard.signaling.call;

/** Where a call is. ENDED is final and carries an {@link EndReason}. */
public enum CallState {
  IDLE,
  /** Caller: RING sent (or being sent), waiting for the callee. */
  OUTGOING_RINGING,
  /** Callee: ringing locally; nothing that reveals its address has been sent. */
  INCOMING_RINGING,
  /** Accepted; offer/answer exchanged, ICE and DTLS under way. */
  CONNECTING,
  /** Media connected (data channel open). */
  ACTIVE,
  ENDED
}
