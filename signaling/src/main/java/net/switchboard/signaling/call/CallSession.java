package net.switchboard.signaling.call;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import net.switchboard.seam.Failures;
import net.switchboard.seam.Scheduler;
import net.switchboard.seam.StepDriver;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.transport.ContactAddress;

/**
 * One call: the driver of its {@link CallFlow}. It feeds the flow events (local actions, messages,
 * the results of media and transports, the timer) and runs the {@link CallCommand}s that come back:
 * media through a {@link MediaSession}, messages through the manager's outbox, the timer on the
 * {@link Scheduler}. All decisions are the flow's; this class only does what it is told.
 *
 * <p>Everything runs on the scheduler's thread: results of media and transports are moved back
 * onto it, and a call from another thread fails at once ({@link IllegalStateException}) instead of
 * racing the node. An event raised while commands run (a listener hanging up from {@code
 * onStateChanged}) is queued and applied after them, so a step's commands always run whole.
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

  private final CallFlow flow;
  private final Scheduler scheduler;
  private final MediaEngine engine;
  private final Outbox outbox;
  private final Observer observer;
  private final long createdAtMillis;
  private final StepDriver<CallEvent, CallCommand> driver;
  private MediaSession media;
  private Scheduler.Cancellable timer;

  CallSession(CallId id, Role role, ContactAddress remote, Scheduler scheduler, MediaEngine engine, CallConfig config,
      Reachability localReachability, Outbox outbox, Observer observer) {
    this.flow = new CallFlow(id, role, remote, config, localReachability);
    this.scheduler = scheduler;
    this.engine = engine;
    this.outbox = outbox;
    this.observer = observer;
    this.createdAtMillis = scheduler.nowMillis();
    this.driver = new StepDriver<>("call " + id, scheduler::onSchedulerThread, flow::on, this::run);
  }

  public CallId id() {
    return flow.id();
  }

  public Role role() {
    return flow.role();
  }

  /** The other party: its identity key and how signaling reaches it. */
  public ContactAddress remote() {
    return flow.remote();
  }

  public CallState state() {
    return flow.state();
  }

  /** Why it ended, or null while it has not. */
  public EndReason endReason() {
    return flow.endReason();
  }

  /** A human-readable detail of the end ("" when none). */
  public String endDetail() {
    return flow.endDetail();
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
    return flow.activeAtMillis();
  }

  /** True when the session has ended. */
  public boolean ended() {
    return flow.ended();
  }

  /** Gives up a ringing outgoing call; hangs up any other live call. Scheduler thread only. */
  public void cancel() {
    apply(new CallEvent.Cancel());
  }

  /** Accepts a ringing incoming call: only now is anything revealed (answer, then candidates). */
  public void accept() {
    apply(new CallEvent.Accept());
  }

  /** Declines a ringing incoming call. */
  public void reject() {
    apply(new CallEvent.Reject());
  }

  /** Ends the call from this side, whatever its state. */
  public void hangup() {
    apply(new CallEvent.Hangup());
  }

  // ---- the manager's entry points ----

  /** Places the call to an address already known. */
  void startOutgoing() {
    apply(new CallEvent.Place());
  }

  /** Places the call while the callee's record resolves; nothing is sent before {@code resolved}. */
  void startOutgoing(CompletableFuture<ContactAddress> resolved) {
    apply(new CallEvent.PlaceResolving());
    onLoop(resolved, (address, error) -> error != null
        ? new CallEvent.ResolveFailed(Failures.unwrap(error).getMessage())
        : new CallEvent.Resolved(address));
  }

  /** A RING passed policy; false (and ENDED) when its SDP would not authenticate media. */
  boolean startIncoming(String offerSdp) {
    apply(new CallEvent.Rang(offerSdp));
    return !flow.ended();
  }

  /** A message from the remote identity (already authenticated); true when it was for this state. */
  boolean onMessage(CallMessage m) {
    boolean expected = flow.expects(m);
    apply(new CallEvent.Received(m));
    return expected;
  }

  /** Ends an outgoing call that lost glare to the remote's call (nothing is sent). */
  void endGlareLost() {
    apply(new CallEvent.GlareLost());
  }

  // ---- the driver ----

  private void apply(CallEvent event) {
    driver.apply(event);
  }

  private void run(CallCommand c) {
    if (c instanceof CallCommand.OpenMedia o) {
      media = engine.open(flow.id(), o.media(), mediaListener(o.generation()));
    } else if (c instanceof CallCommand.CreateOffer o) {
      int generation = o.generation();
      onLoop(media.createOffer(), (sdp, error) -> error != null
          ? new CallEvent.OfferFailed(generation, Failures.unwrap(error).getMessage())
          : new CallEvent.OfferCreated(generation, sdp));
    } else if (c instanceof CallCommand.Answer a) {
      onLoop(media.answer(a.offerSdp()), (sdp, error) ->
          new CallEvent.Answered(sdp, error == null ? null : Failures.unwrap(error).getMessage()));
    } else if (c instanceof CallCommand.ApplyAnswer a) {
      onLoop(media.setRemoteDescription(MediaSession.SdpType.ANSWER, a.answerSdp()), (ok, error) ->
          new CallEvent.AnswerApplied(error == null ? null : Failures.unwrap(error).getMessage()));
    } else if (c instanceof CallCommand.AddCandidate a) {
      media.addIceCandidate(a.candidate());
    } else if (c instanceof CallCommand.CloseMedia) {
      if (media != null) {
        media.close();
      }
    } else if (c instanceof CallCommand.Send s) {
      send(s);
    } else if (c instanceof CallCommand.ArmTimer t) {
      cancelTimer();
      timer = scheduler.schedule(t.delayMillis(), () -> {
        timer = null;
        apply(new CallEvent.TimerFired());
      });
    } else if (c instanceof CallCommand.CancelTimer) {
      cancelTimer();
    } else if (c instanceof CallCommand.Moved m) {
      observer.changed(this, m.from(), m.to());
    }
  }

  private void send(CallCommand.Send s) {
    CompletableFuture<?> sent = outbox.send(s.message());
    switch (s.report()) {
      case RING -> onLoop(sent, (ok, error) -> new CallEvent.RingSent(error == null));
      case ACCEPT -> onLoop(sent, (ok, error) -> error == null ? null : new CallEvent.AcceptUndelivered());
      case NONE -> { } // best effort: delivery changes nothing
    }
  }

  private MediaSession.Listener mediaListener(int generation) {
    return new MediaSession.Listener() {
      @Override
      public void onLocalCandidate(IceCandidate candidate) {
        scheduler.execute(() -> apply(new CallEvent.LocalCandidate(generation, candidate)));
      }

      @Override
      public void onDataChannelOpen() {
        scheduler.execute(() -> apply(new CallEvent.ChannelOpen(generation, scheduler.nowMillis())));
      }

      @Override
      public void onFailed(String reason) {
        scheduler.execute(() -> apply(new CallEvent.MediaFailed(generation, reason)));
      }
    };
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** When {@code f} completes, turns its outcome into an event (or none) applied on the scheduler's thread. */
  private <T> void onLoop(CompletableFuture<T> f, BiFunction<T, Throwable, CallEvent> toEvent) {
    f.whenComplete((v, e) -> scheduler.execute(() -> {
      CallEvent event = toEvent.apply(v, e);
      if (event != null) {
        apply(event);
      }
    }));
  }

  @Override
  public String toString() {
    return flow.toString();
  }
}
