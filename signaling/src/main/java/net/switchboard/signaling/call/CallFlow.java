package net.switchboard.signaling.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.switchboard.signaling.call.CallCommand.Report;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.e2e.SdpFingerprints;
import net.switchboard.signaling.transport.ContactAddress;

/**
 * One call as a state machine with no I/O at all, as {@link net.switchboard.dht.lookup.Lookup} is
 * for a lookup: {@link #on} takes a {@link CallEvent} and returns the {@link CallCommand}s it
 * causes, in order; media, messages, timers and notifications happen only when a driver ({@link
 * CallSession}) runs them. No clock, no futures, no threads: a test feeds events and reads commands.
 *
 * <pre>
 * caller: IDLE -Place-> OUTGOING_RINGING -ACCEPT-> CONNECTING -ChannelOpen-> ACTIVE
 *                        |-REJECT/BUSY/Cancel/ring timeout/GlareLost/unreachable-> ENDED
 * callee: IDLE -Rang-> INCOMING_RINGING -Accept-> CONNECTING -ChannelOpen-> ACTIVE
 *                        |-Reject/CANCEL/ring timeout-> ENDED
 * CONNECTING, ACTIVE -Hangup/HANGUP/media failure/connect timeout-> ENDED
 * </pre>
 *
 * <p>Staged disclosure: the callee opens no media, so gathers no candidate, until it accepts; its
 * ACCEPT goes out before any of its candidates. Trickle ICE: remote candidates are queued until the
 * remote description is set; the caller's own candidates wait until its RING was delivered. A
 * caller that places the call while the callee's record resolves sends nothing at all until the
 * address is known: the offer and its candidates go only to the resolved address.
 */
public final class CallFlow {
  static final int MAX_QUEUED_CANDIDATES = 64;

  private final CallId id;
  private final CallSession.Role role;
  private final CallConfig config;
  private final Reachability localReachability;
  private ContactAddress remote; // provisional (assumed media) until addressKnown
  private boolean addressKnown = true;
  private CallState state = CallState.IDLE;
  private EndReason endReason;
  private String endDetail = "";
  private int generation; // of the current media session; 0 before the first opens
  private String localOffer; // the caller's offer of the current generation, until its RING goes
  private boolean ringSent;
  private String remoteOffer;
  private boolean remoteDescriptionSet;
  private boolean localCandidatesReleased;
  private final List<IceCandidate> pendingRemote = new ArrayList<>();
  private final List<IceCandidate> pendingLocal = new ArrayList<>();
  private long activeAtMillis = -1;
  private List<CallCommand> out = new ArrayList<>();

  /**
   * @param remote the other party; for a caller that is still resolving, the address it assumes
   * @param localReachability how the callee reaches us back (sent inside the RING)
   */
  public CallFlow(CallId id, CallSession.Role role, ContactAddress remote, CallConfig config, Reachability localReachability) {
    this.id = id;
    this.role = role;
    this.remote = remote;
    this.config = config;
    this.localReachability = localReachability;
  }

  public CallId id() {
    return id;
  }

  public CallSession.Role role() {
    return role;
  }

  public ContactAddress remote() {
    return remote;
  }

  public CallState state() {
    return state;
  }

  public boolean ended() {
    return state == CallState.ENDED;
  }

  /** Why it ended, or null while it has not. */
  public EndReason endReason() {
    return endReason;
  }

  /** A human-readable detail of the end ("" when none). */
  public String endDetail() {
    return endDetail;
  }

  /** When the data channel opened (from {@link CallEvent.ChannelOpen}), or -1. */
  public long activeAtMillis() {
    return activeAtMillis;
  }

  /** Whether {@code m}, from the remote identity, is meant for the call in its present state. */
  public boolean expects(CallMessage m) {
    if (ended()) {
      return false;
    }
    if (m instanceof CallMessage.Ice || m instanceof CallMessage.Hangup) {
      return true;
    }
    if (role == CallSession.Role.CALLER && state == CallState.OUTGOING_RINGING) {
      return m instanceof CallMessage.Accept || m instanceof CallMessage.Reject || m instanceof CallMessage.Busy;
    }
    return role == CallSession.Role.CALLEE && m instanceof CallMessage.Cancel
        && (state == CallState.INCOMING_RINGING || state == CallState.CONNECTING);
  }

  /** Applies one event; returns what the driver must do, in order (often nothing). */
  public List<CallCommand> on(CallEvent e) {
    out = new ArrayList<>();
    if (e instanceof CallEvent.Place) {
      place();
    } else if (e instanceof CallEvent.PlaceResolving) {
      addressKnown = false;
      place();
    } else if (e instanceof CallEvent.Resolved r) {
      onResolved(r.address());
    } else if (e instanceof CallEvent.ResolveFailed f) {
      if (state == CallState.OUTGOING_RINGING) {
        end(EndReason.FAILED, "could not resolve the callee: " + f.message());
      }
    } else if (e instanceof CallEvent.OfferCreated o) {
      if (state == CallState.OUTGOING_RINGING && o.generation() == generation) {
        localOffer = o.sdp();
        ringIfReady();
      }
    } else if (e instanceof CallEvent.OfferFailed f) {
      if (state == CallState.OUTGOING_RINGING && f.generation() == generation) {
        end(EndReason.FAILED, "could not create offer: " + f.message());
      }
    } else if (e instanceof CallEvent.RingSent r) {
      if (!r.delivered()) {
        if (state == CallState.OUTGOING_RINGING) {
          end(EndReason.FAILED, "callee unreachable");
        }
      } else if (!ended()) {
        releaseLocalCandidates();
      }
    } else if (e instanceof CallEvent.AnswerApplied a) {
      onAnswerApplied(a.error());
    } else if (e instanceof CallEvent.Rang r) {
      onRang(r.offerSdp());
    } else if (e instanceof CallEvent.Accept) {
      accept();
    } else if (e instanceof CallEvent.Reject) {
      reject();
    } else if (e instanceof CallEvent.Answered a) {
      onAnswered(a.sdp(), a.error());
    } else if (e instanceof CallEvent.AcceptUndelivered) {
      if (!ended()) {
        end(EndReason.FAILED, "caller unreachable");
      }
    } else if (e instanceof CallEvent.Cancel) {
      cancel();
    } else if (e instanceof CallEvent.Hangup) {
      hangup();
    } else if (e instanceof CallEvent.Received r) {
      if (expects(r.message())) {
        onMessage(r.message());
      }
    } else if (e instanceof CallEvent.LocalCandidate c) {
      onLocalCandidate(c.generation(), c.candidate());
    } else if (e instanceof CallEvent.ChannelOpen o) {
      if (state == CallState.CONNECTING && o.generation() == generation) {
        activeAtMillis = o.atMillis();
        out.add(new CallCommand.CancelTimer());
        move(CallState.ACTIVE);
      }
    } else if (e instanceof CallEvent.MediaFailed f) {
      if (!ended() && f.generation() == generation) {
        failAndHangup("media failed: " + f.reason());
      }
    } else if (e instanceof CallEvent.TimerFired) {
      onTimeout();
    } else if (e instanceof CallEvent.GlareLost) {
      end(EndReason.GLARE_LOST, "both called at once; the other call won");
    }
    List<CallCommand> done = out;
    out = null;
    return done;
  }

  // ---- caller ----

  private void place() {
    if (state != CallState.IDLE) {
      return;
    }
    move(CallState.OUTGOING_RINGING);
    out.add(new CallCommand.ArmTimer(config.ringTimeoutMillis()));
    openMedia();
    out.add(new CallCommand.CreateOffer(generation));
  }

  private void onResolved(ContactAddress address) {
    if (state != CallState.OUTGOING_RINGING || addressKnown) {
      return;
    }
    if (address == null || !address.sameIdentity(remote.identityKey())) {
      end(EndReason.FAILED, "resolved another identity than the one called");
      return;
    }
    boolean sameMedia = address.reachability().media().equals(mediaCaps());
    remote = address;
    addressKnown = true;
    if (sameMedia) {
      ringIfReady();
    } else { // the offer was made for other media: make it again before anything goes out
      out.add(new CallCommand.CloseMedia());
      localOffer = null;
      openMedia();
      out.add(new CallCommand.CreateOffer(generation));
    }
  }

  private void ringIfReady() {
    if (addressKnown && localOffer != null && !ringSent) {
      ringSent = true;
      out.add(new CallCommand.Send(new CallMessage.Ring(id, localOffer, localReachability), Report.RING));
    }
  }

  private void cancel() {
    if (state == CallState.OUTGOING_RINGING) {
      send(new CallMessage.Cancel(id));
      end(EndReason.CANCELLED, "cancelled locally");
    } else {
      hangup();
    }
  }

  private void onAccepted(String answer) {
    String problem = SdpFingerprints.problem(answer);
    if (problem != null) {
      failAndHangup("answer refused: " + problem);
      return;
    }
    move(CallState.CONNECTING);
    out.add(new CallCommand.ArmTimer(config.connectTimeoutMillis()));
    out.add(new CallCommand.ApplyAnswer(answer));
  }

  private void onAnswerApplied(String error) {
    if (ended()) {
      return;
    }
    if (error != null) {
      failAndHangup("could not set the answer: " + error);
      return;
    }
    remoteDescriptionSet = true;
    flushRemoteCandidates();
  }

  // ---- callee ----

  private void onRang(String offerSdp) {
    if (state != CallState.IDLE) {
      return;
    }
    String problem = SdpFingerprints.problem(offerSdp);
    if (problem != null) {
      end(EndReason.FAILED, "offer refused: " + problem);
      return;
    }
    remoteOffer = offerSdp;
    move(CallState.INCOMING_RINGING);
    out.add(new CallCommand.ArmTimer(config.ringTimeoutMillis()));
  }

  private void accept() {
    if (state != CallState.INCOMING_RINGING) {
      return;
    }
    move(CallState.CONNECTING);
    out.add(new CallCommand.ArmTimer(config.connectTimeoutMillis()));
    openMedia();
    out.add(new CallCommand.Answer(remoteOffer));
  }

  private void onAnswered(String answer, String error) {
    if (ended()) {
      return;
    }
    if (error != null) {
      failAndHangup("could not answer the offer: " + error);
      return;
    }
    remoteDescriptionSet = true;
    flushRemoteCandidates();
    out.add(new CallCommand.Send(new CallMessage.Accept(id, answer), Report.ACCEPT));
    releaseLocalCandidates(); // after the ACCEPT: a caller queues candidates until it has the answer
  }

  private void reject() {
    if (state == CallState.INCOMING_RINGING) {
      send(new CallMessage.Reject(id));
      end(EndReason.REJECTED, "rejected locally");
    }
  }

  // ---- both ----

  private void hangup() {
    switch (state) {
      case OUTGOING_RINGING -> cancel();
      case INCOMING_RINGING -> reject();
      case CONNECTING, ACTIVE -> {
        send(new CallMessage.Hangup(id));
        end(EndReason.HANGUP, "hung up locally");
      }
      default -> { }
    }
  }

  private void onMessage(CallMessage m) {
    if (m instanceof CallMessage.Ice ice) {
      if (remoteDescriptionSet) {
        out.add(new CallCommand.AddCandidate(ice.candidate()));
      } else if (pendingRemote.size() < MAX_QUEUED_CANDIDATES) {
        pendingRemote.add(ice.candidate());
      }
    } else if (m instanceof CallMessage.Hangup) {
      end(EndReason.HANGUP, "remote hung up");
    } else if (m instanceof CallMessage.Accept a) {
      onAccepted(a.answerSdp());
    } else if (m instanceof CallMessage.Reject) {
      end(EndReason.REJECTED, "callee rejected");
    } else if (m instanceof CallMessage.Busy) {
      end(EndReason.BUSY, "callee busy");
    } else if (m instanceof CallMessage.Cancel) {
      end(EndReason.CANCELLED, "caller cancelled");
    }
  }

  private void onLocalCandidate(int from, IceCandidate candidate) {
    if (ended() || from != generation) {
      return;
    }
    if (localCandidatesReleased) {
      send(new CallMessage.Ice(id, candidate));
    } else if (pendingLocal.size() < MAX_QUEUED_CANDIDATES) {
      pendingLocal.add(candidate);
    }
  }

  private void onTimeout() {
    switch (state) {
      case OUTGOING_RINGING -> {
        send(new CallMessage.Cancel(id));
        end(EndReason.TIMEOUT, "no answer");
      }
      case INCOMING_RINGING -> end(EndReason.TIMEOUT, "not answered");
      case CONNECTING -> {
        send(new CallMessage.Hangup(id));
        end(EndReason.TIMEOUT, "media did not connect");
      }
      default -> { }
    }
  }

  private void releaseLocalCandidates() {
    localCandidatesReleased = true;
    for (IceCandidate c : pendingLocal) {
      send(new CallMessage.Ice(id, c));
    }
    pendingLocal.clear();
  }

  private void flushRemoteCandidates() {
    for (IceCandidate c : pendingRemote) {
      out.add(new CallCommand.AddCandidate(c));
    }
    pendingRemote.clear();
  }

  private void failAndHangup(String detail) {
    send(state == CallState.OUTGOING_RINGING ? new CallMessage.Cancel(id) : new CallMessage.Hangup(id));
    end(EndReason.FAILED, detail);
  }

  /** Best effort; nothing goes out before the address is known (no RING went either). */
  private void send(CallMessage m) {
    if (addressKnown) {
      out.add(new CallCommand.Send(m));
    }
  }

  private void end(EndReason reason, String detail) {
    if (ended()) {
      return;
    }
    out.add(new CallCommand.CancelTimer());
    endReason = reason;
    endDetail = detail;
    pendingLocal.clear();
    pendingRemote.clear();
    if (generation > 0) {
      out.add(new CallCommand.CloseMedia());
    }
    move(CallState.ENDED);
  }

  private void openMedia() {
    generation++;
    out.add(new CallCommand.OpenMedia(generation, mediaCaps()));
  }

  private void move(CallState to) {
    CallState from = state;
    state = to;
    out.add(new CallCommand.Moved(from, to));
  }

  private Set<MediaCapability> mediaCaps() {
    return remote.reachability().media();
  }

  @Override
  public String toString() {
    return "Call[" + id + " " + role + " " + remote.identityId().shortHex() + " " + state
        + (endReason != null ? " " + endReason : "") + "]";
  }
}
