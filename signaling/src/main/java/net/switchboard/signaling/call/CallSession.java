package net.switchboard.signaling.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.e2e.SdpFingerprints;
import net.switchboard.signaling.transport.ContactAddress;

/**
 * One call, as a state machine with no I/O of its own: messages go out through the manager's
 * outbox, time comes from the {@link Scheduler}, media from a {@link MediaSession}. Every method
 * must run on the node's thread; results of media and transports are moved back onto it.
 *
 * <pre>
 * caller: IDLE -place-> OUTGOING_RINGING -ACCEPT-> CONNECTING -channel open-> ACTIVE
 *                        |-REJECT/BUSY/cancel()/ring timeout/glare lost/unreachable-> ENDED
 * callee: IDLE -RING-> INCOMING_RINGING -accept()-> CONNECTING -channel open-> ACTIVE
 *                        |-reject()/CANCEL/ring timeout-> ENDED
 * CONNECTING, ACTIVE -hangup/HANGUP/media failure/connect timeout-> ENDED
 * </pre>
 *
 * <p>Staged disclosure: the callee opens no media session, so gathers no candidate, until {@link
 * #accept}; its ACCEPT goes out before any of its candidates. Trickle ICE: remote candidates are
 * queued until the remote description is set; the caller's own candidates wait until its RING was
 * delivered.
 */
public final class CallSession {
  /** Which end of the call this is. */
  public enum Role {
    CALLER,
    CALLEE
  }

  /** Sends one message to the remote end; completes when it was delivered. */
  interface Outbox {
    CompletableFuture<?> send(CallMessage message);
  }

  /** The manager's view of state changes. */
  interface Observer {
    void changed(CallSession session, CallState from, CallState to);
  }

  static final int MAX_QUEUED_CANDIDATES = 64;

  private final CallId id;
  private final Role role;
  private ContactAddress remote; // provisional (assumed reachability) until addressKnown
  private boolean addressKnown = true;
  private final Scheduler scheduler;
  private final MediaEngine engine;
  private final CallConfig config;
  private final Reachability localReachability;
  private final Outbox outbox;
  private final Observer observer;
  private CallState state = CallState.IDLE;
  private EndReason endReason;
  private String endDetail = "";
  private MediaSession media;
  private int mediaGeneration; // events of a media session replaced before the RING are ignored
  private String remoteOffer;
  private boolean remoteDescriptionSet;
  private boolean localCandidatesReleased;
  private final List<IceCandidate> pendingRemote = new ArrayList<>();
  private final List<IceCandidate> pendingLocal = new ArrayList<>();
  private Scheduler.Cancellable timer;
  private final long createdAtMillis;
  private long activeAtMillis = -1;

  CallSession(CallId id, Role role, ContactAddress remote, Scheduler scheduler, MediaEngine engine, CallConfig config,
      Reachability localReachability, Outbox outbox, Observer observer) {
    this.id = id;
    this.role = role;
    this.remote = remote;
    this.scheduler = scheduler;
    this.engine = engine;
    this.config = config;
    this.localReachability = localReachability;
    this.outbox = outbox;
    this.observer = observer;
    this.createdAtMillis = scheduler.nowMillis();
  }

  public CallId id() {
    return id;
  }

  public Role role() {
    return role;
  }

  /** The other party: its identity key and how signaling reaches it. */
  public ContactAddress remote() {
    return remote;
  }

  public CallState state() {
    return state;
  }

  /** Why it ended, or null while it has not. */
  public EndReason endReason() {
    return endReason;
  }

  /** A human-readable detail of the end ("" when none). */
  public String endDetail() {
    return endDetail;
  }

  /** The peer connection, once opened (the caller at once, the callee on accept); else null. */
  public MediaSession media() {
    return media;
  }

  /** Virtual or real time the session was created. */
  public long createdAtMillis() {
    return createdAtMillis;
  }

  /** When it became ACTIVE, or -1. */
  public long activeAtMillis() {
    return activeAtMillis;
  }

  // ---- caller side ----

  /** Places the call: opens media, creates the offer, sends RING. */
  void startOutgoing() {
    move(CallState.OUTGOING_RINGING);
    arm(config.ringTimeoutMillis());
    offerThenRing();
  }

  /**
   * Places the call while the callee's record is still being resolved: opens media and creates
   * the offer at once (with the media {@link #remote} assumes), and sends RING once both the offer
   * and {@code resolved} are ready. Nothing is sent before: the offer and its candidates go only
   * to the resolved address, sealed to the callee's identity key as always. When the record lists
   * other media than assumed, the media session is opened again with them before the RING.
   */
  void startOutgoing(CompletableFuture<ContactAddress> resolved) {
    addressKnown = false;
    move(CallState.OUTGOING_RINGING);
    arm(config.ringTimeoutMillis());
    CompletableFuture<String> offer = createOffer();
    onLoop(resolved, (address, error) -> {
      if (state != CallState.OUTGOING_RINGING) {
        return;
      }
      if (error != null) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        end(EndReason.FAILED, "could not resolve the callee: " + cause.getMessage());
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
        ringWhenReady(offer);
      } else {
        media.close();
        offerThenRing();
      }
    });
  }

  private void offerThenRing() {
    ringWhenReady(createOffer());
  }

  private CompletableFuture<String> createOffer() {
    media = engine.open(id, mediaCaps(), mediaListener());
    return media.createOffer();
  }

  private void ringWhenReady(CompletableFuture<String> pendingOffer) {
    int generation = mediaGeneration;
    onLoop(pendingOffer, (offer, error) -> {
      if (state != CallState.OUTGOING_RINGING || generation != mediaGeneration) {
        return;
      }
      if (error != null) {
        end(EndReason.FAILED, "could not create offer: " + error.getMessage());
        return;
      }
      onLoop(outbox.send(new CallMessage.Ring(id, offer, localReachability)), (ok, sendError) -> {
        if (sendError != null) {
          if (state == CallState.OUTGOING_RINGING) {
            end(EndReason.FAILED, "callee unreachable");
          }
        } else if (!ended()) {
          releaseLocalCandidates();
        }
      });
    });
  }

  /** Gives up a ringing outgoing call; hangs up any other live call. */
  public void cancel() {
    if (state == CallState.OUTGOING_RINGING) {
      send(new CallMessage.Cancel(id));
      end(EndReason.CANCELLED, "cancelled locally");
    } else {
      hangup();
    }
  }

  // ---- callee side ----

  /** A RING arrived and policy let it ring; false (and ENDED) when its SDP would not authenticate media. */
  boolean startIncoming(String offerSdp) {
    String problem = SdpFingerprints.problem(offerSdp);
    if (problem != null) {
      end(EndReason.FAILED, "offer refused: " + problem);
      return false;
    }
    remoteOffer = offerSdp;
    move(CallState.INCOMING_RINGING);
    arm(config.ringTimeoutMillis());
    return true;
  }

  /** Accepts a ringing incoming call: only now is anything revealed (answer, then candidates). */
  public void accept() {
    if (state != CallState.INCOMING_RINGING) {
      return;
    }
    move(CallState.CONNECTING);
    arm(config.connectTimeoutMillis());
    media = engine.open(id, mediaCaps(), mediaListener());
    onLoop(media.answer(remoteOffer), (answer, error) -> {
      if (ended()) {
        return;
      }
      if (error != null) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        failAndHangup("could not answer the offer: " + cause.getMessage());
        return;
      }
      remoteDescriptionSet = true;
      flushRemoteCandidates();
      onLoop(outbox.send(new CallMessage.Accept(id, answer)), (sent, sendError) -> {
        if (sendError != null && !ended()) {
          end(EndReason.FAILED, "caller unreachable");
        }
      });
      releaseLocalCandidates(); // after the ACCEPT: a caller queues candidates until it has the answer
    });
  }

  /** Declines a ringing incoming call. */
  public void reject() {
    if (state == CallState.INCOMING_RINGING) {
      send(new CallMessage.Reject(id));
      end(EndReason.REJECTED, "rejected locally");
    }
  }

  // ---- both ----

  /** Ends the call from this side, whatever its state. */
  public void hangup() {
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

  /** True when the session has ended. */
  public boolean ended() {
    return state == CallState.ENDED;
  }

  /** Handles a message from the remote identity (already authenticated); true when it was for this state. */
  boolean onMessage(CallMessage m) {
    if (ended()) {
      return false;
    }
    if (m instanceof CallMessage.Ice ice) {
      if (remoteDescriptionSet) {
        media.addIceCandidate(ice.candidate());
      } else if (pendingRemote.size() < MAX_QUEUED_CANDIDATES) {
        pendingRemote.add(ice.candidate());
      }
      return true;
    }
    if (m instanceof CallMessage.Hangup) {
      end(EndReason.HANGUP, "remote hung up");
      return true;
    }
    if (role == Role.CALLER && state == CallState.OUTGOING_RINGING) {
      if (m instanceof CallMessage.Accept a) {
        onAccepted(a.answerSdp());
        return true;
      } else if (m instanceof CallMessage.Reject) {
        end(EndReason.REJECTED, "callee rejected");
        return true;
      } else if (m instanceof CallMessage.Busy) {
        end(EndReason.BUSY, "callee busy");
        return true;
      }
    }
    if (role == Role.CALLEE && m instanceof CallMessage.Cancel
        && (state == CallState.INCOMING_RINGING || state == CallState.CONNECTING)) {
      end(EndReason.CANCELLED, "caller cancelled");
      return true;
    }
    return false;
  }

  /** Ends an outgoing call that lost glare to the remote's call (nothing is sent). */
  void endGlareLost() {
    end(EndReason.GLARE_LOST, "both called at once; the other call won");
  }

  private void onAccepted(String answer) {
    String problem = SdpFingerprints.problem(answer);
    if (problem != null) {
      failAndHangup("answer refused: " + problem);
      return;
    }
    move(CallState.CONNECTING);
    arm(config.connectTimeoutMillis());
    onLoop(media.setRemoteDescription(MediaSession.SdpType.ANSWER, answer), (ok, error) -> {
      if (ended()) {
        return;
      }
      if (error != null) {
        failAndHangup("could not set the answer: " + error.getMessage());
        return;
      }
      remoteDescriptionSet = true;
      flushRemoteCandidates();
    });
  }

  private MediaSession.Listener mediaListener() {
    int generation = ++mediaGeneration;
    return new MediaSession.Listener() {
      @Override
      public void onLocalCandidate(IceCandidate candidate) {
        scheduler.execute(() -> {
          if (ended() || generation != mediaGeneration) {
            return;
          }
          if (localCandidatesReleased) {
            send(new CallMessage.Ice(id, candidate));
          } else if (pendingLocal.size() < MAX_QUEUED_CANDIDATES) {
            pendingLocal.add(candidate);
          }
        });
      }

      @Override
      public void onDataChannelOpen() {
        scheduler.execute(() -> {
          if (state == CallState.CONNECTING && generation == mediaGeneration) {
            activeAtMillis = scheduler.nowMillis();
            cancelTimer();
            move(CallState.ACTIVE);
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        scheduler.execute(() -> {
          if (!ended() && generation == mediaGeneration) {
            failAndHangup("media failed: " + reason);
          }
        });
      }
    };
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
      media.addIceCandidate(c);
    }
    pendingRemote.clear();
  }

  private void failAndHangup(String detail) {
    if (state == CallState.OUTGOING_RINGING) {
      send(new CallMessage.Cancel(id));
    } else {
      send(new CallMessage.Hangup(id));
    }
    end(EndReason.FAILED, detail);
  }

  private void onTimeout() {
    timer = null;
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

  private void send(CallMessage m) {
    if (!addressKnown) {
      return; // nothing was sent yet (no RING before the address is known): nothing to take back
    }
    outbox.send(m); // best effort: delivery failure of these changes nothing here
  }

  private void end(EndReason reason, String detail) {
    if (ended()) {
      return;
    }
    cancelTimer();
    endReason = reason;
    endDetail = detail;
    pendingLocal.clear();
    pendingRemote.clear();
    if (media != null) {
      media.close();
    }
    move(CallState.ENDED);
  }

  private void move(CallState to) {
    CallState from = state;
    state = to;
    observer.changed(this, from, to);
  }

  private void arm(long delayMillis) {
    cancelTimer();
    timer = scheduler.schedule(delayMillis, this::onTimeout);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private Set<MediaCapability> mediaCaps() {
    return remote.reachability().media();
  }

  private <T> void onLoop(CompletableFuture<T> f, BiConsumer<T, Throwable> k) {
    f.whenComplete((v, e) -> scheduler.execute(() -> k.accept(v, e)));
  }

  @Override
  public String toString() {
    return "Call[" + id + " " + role + " " + remote.identityId().shortHex() + " " + state
        + (endReason != null ? " " + endReason : "") + "]";
  }
}
