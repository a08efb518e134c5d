package net.switchboard.signaling.call;

import net.switchboard.signaling.transport.ContactAddress;

/**
 * What can happen to one call: local actions, messages from the other end, results of media and
 * transports, the timer. {@link CallFlow} turns each into {@link CallCommand}s.
 *
 * <p>Media events carry the generation of the media session they come from: a caller whose callee
 * resolved to other media opens a second session before its RING, and the first one's late events
 * must change nothing.
 */
public sealed interface CallEvent {
  /** Caller: place the call to an address already known. */
  record Place() implements CallEvent {}

  /** Caller: place the call while the callee's record is still being resolved. */
  record PlaceResolving() implements CallEvent {}

  /** Caller: the callee's record resolved. */
  record Resolved(ContactAddress address) implements CallEvent {}

  /** Caller: the callee's record could not be resolved. */
  record ResolveFailed(String message) implements CallEvent {}

  /** Caller: media created the offer. */
  record OfferCreated(int generation, String sdp) implements CallEvent {}

  /** Caller: media could not create the offer. */
  record OfferFailed(int generation, String message) implements CallEvent {}

  /** Caller: the RING was delivered (or not). */
  record RingSent(boolean delivered) implements CallEvent {}

  /** Caller: the callee's answer is set as the remote description (or failed to be). */
  record AnswerApplied(String error) implements CallEvent {}

  /** Callee: a RING with this offer passed policy. */
  record Rang(String offerSdp) implements CallEvent {}

  /** Callee: the local user accepts. */
  record Accept() implements CallEvent {}

  /** Callee: the local user declines. */
  record Reject() implements CallEvent {}

  /** Callee: media answered the offer ({@code sdp}), or failed ({@code error}). */
  record Answered(String sdp, String error) implements CallEvent {}

  /** Callee: the ACCEPT could not be delivered. */
  record AcceptUndelivered() implements CallEvent {}

  /** Either: the local user gives up a ringing outgoing call, or ends any other. */
  record Cancel() implements CallEvent {}

  /** Either: the local user ends the call, whatever its state. */
  record Hangup() implements CallEvent {}

  /** Either: an authenticated message from the other end of this call. */
  record Received(CallMessage message) implements CallEvent {}

  /** Either: media gathered a local candidate. */
  record LocalCandidate(int generation, IceCandidate candidate) implements CallEvent {}

  /** Either: the data channel opened at {@code atMillis}: media connected and DTLS verified. */
  record ChannelOpen(int generation, long atMillis) implements CallEvent {}

  /** Either: ICE or DTLS failed, or the connection closed from the other side. */
  record MediaFailed(int generation, String reason) implements CallEvent {}

  /** Either: the armed timer fired. */
  record TimerFired() implements CallEvent {}

  /** Caller: our outgoing call lost glare to the callee's call to us (nothing is sent). */
  record GlareLost() implements CallEvent {}
}
