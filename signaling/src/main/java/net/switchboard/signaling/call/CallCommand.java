package net.switchboard.signaling.call;

import java.util.Set;
import net.switchboard.signaling.contact.MediaCapability;

/**
 * What {@link CallFlow} asks its driver ({@link CallSession}) to do, in order. Commands whose
 * result matters name the {@link CallEvent} the driver feeds back.
 */
public sealed interface CallCommand {
  /** Open a media session of this generation (closing none: {@link CloseMedia} comes first). */
  record OpenMedia(int generation, Set<MediaCapability> media) implements CallCommand {}

  /** Create the offer on the current media session; result: {@code OfferCreated} / {@code OfferFailed}. */
  record CreateOffer(int generation) implements CallCommand {}

  /** Set the remote offer and create the answer; result: {@code Answered}. */
  record Answer(String offerSdp) implements CallCommand {}

  /** Set the callee's answer as the remote description; result: {@code AnswerApplied}. */
  record ApplyAnswer(String answerSdp) implements CallCommand {}

  /** Hand a remote candidate to media. */
  record AddCandidate(IceCandidate candidate) implements CallCommand {}

  /** Close the media session (idempotent). */
  record CloseMedia() implements CallCommand {}

  /** How a send's delivery is reported back. */
  enum Report {
    /** Best effort: delivery changes nothing. */
    NONE,
    /** {@code RingSent(delivered)}. */
    RING,
    /** {@code AcceptUndelivered} on failure. */
    ACCEPT
  }

  /** Seal and send one message to the remote identity. */
  record Send(CallMessage message, Report report) implements CallCommand {
    Send(CallMessage message) {
      this(message, Report.NONE);
    }
  }

  /** (Re)arm the one timer of the call; result: {@code TimerFired}. */
  record ArmTimer(long delayMillis) implements CallCommand {}

  /** Cancel the timer, if armed. */
  record CancelTimer() implements CallCommand {}

  /** The call moved between states: tell the manager and the listener. */
  record Moved(CallState from, CallState to) implements CallCommand {}
}
