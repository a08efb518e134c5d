package net.switchboard.signaling.call;

/**
 * Decides what an incoming call may do, before the callee reveals anything. A refused caller gets no
 * reply of any kind: not an answer, not a candidate, not even a delivery acknowledgement, so its
 * call fails exactly as it would to an unreachable identity.
 */
@FunctionalInterface
public interface CallPolicy {
  /** What to do with a call. */
  enum Decision {
    /** Drop without a trace. */
    REFUSE,
    /** Ring and wait for the local user. */
    RING,
    /** Accept at once (a headless node answering by policy). */
    ACCEPT
  }

  /** The decision for a call from the (authenticated) identity key {@code callerKey}. */
  Decision decide(byte[] callerKey, long nowMillis);

  /** Rings for everyone. */
  static CallPolicy ringAll() {
    return (key, now) -> Decision.RING;
  }
}
