package net.switchboard.signaling.call;

import net.switchboard.signaling.contact.Reachability;

/** What two identities say to each other about one call; the plaintext of a signaling envelope. */
public sealed interface CallMessage {
  CallId callId();

  /**
   * Caller to callee: please ring.
   *
   * @param offerSdp the caller's offer (its DTLS fingerprint is covered by the envelope signature)
   * @param replyTo how the callee should send back (the caller's routes and transports)
   */
  record Ring(CallId callId, String offerSdp, Reachability replyTo) implements CallMessage {}

  /** Callee to caller, only once the callee accepted: its answer. */
  record Accept(CallId callId, String answerSdp) implements CallMessage {}

  /** Callee declined. */
  record Reject(CallId callId) implements CallMessage {}

  /** Callee is in another call. */
  record Busy(CallId callId) implements CallMessage {}

  /** Caller gave up before an answer. */
  record Cancel(CallId callId) implements CallMessage {}

  /** Either side ends an accepted call. */
  record Hangup(CallId callId) implements CallMessage {}

  /** One trickled ICE candidate. */
  record Ice(CallId callId, IceCandidate candidate) implements CallMessage {}
}
