package net.switchboard.signaling.call;

/** Why a call ended. */
public enum EndReason {
  /** The callee declined (or we declined an incoming call). */
  REJECTED,
  /** The callee was in another call. */
  BUSY,
  /** The caller gave up while it rang. */
  CANCELLED,
  /** Either side hung up an accepted call. */
  HANGUP,
  /** Nobody answered in time, or media did not connect in time. */
  TIMEOUT,
  /** Callee side: policy refused the caller before anything was revealed. */
  REFUSED_POLICY,
  /** Unreachable, media failure, or an SDP that would not authenticate its media. */
  FAILED,
  /** Both called each other at once and the other call won the tie-break. */
  GLARE_LOST
}
