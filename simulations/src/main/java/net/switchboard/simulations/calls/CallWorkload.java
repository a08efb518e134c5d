package net.switchboard.simulations.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.netsim.engine.Simulator;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.call.CallListener;
import net.switchboard.signaling.call.CallSession;
import net.switchboard.signaling.call.CallState;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactRecordValidator;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.directory.ContactLookup;
import net.switchboard.simulations.scenario.ScenarioExtension;
import net.switchboard.simulations.scenario.SimNode;

/**
 * People and their calls: each person takes one node of the population as theirs; when it leaves,
 * its replacement restarts with the same key (as a real node reloads its key file) and the person
 * publishes again from there. From {@link #start} a Poisson process of calls runs, each from a random
 * online, idle person to another, resolved through {@link ContactLookup} and placed through the
 * caller's {@link net.switchboard.signaling.call.CallManager}. A call succeeds when the caller
 * reaches ACTIVE; connected calls end after the hold time. A call during which either party's
 * node left is set aside, so the success rate is that of online callees.
 */
public final class CallWorkload implements ScenarioExtension {
  private static final int DRAWS = 32;

  private final CallScenario scenario;
  private final Simulator simulator;
  private final Scheduler scheduler;
  private final SplittableRandom random;
  private final SimulatedMedia media;
  private final ContactLookup lookup = new ContactLookup(ContactPeriods.defaults());
  private final List<Person> people = new ArrayList<>();
  private final ArrayDeque<Person> homeless = new ArrayDeque<>();
  private final Map<SimNode, Person> hosted = new HashMap<>();
  /** Each person's node id: its node keeps its key across restarts, so its route stays valid. */
  private final Map<Id256, Person> byNodeId = new HashMap<>();
  private final Map<CallSession, Attempt> attempts = new HashMap<>();
  private final CallStats stats = new CallStats();
  private boolean running;
  private long departedRepublishes;

  /** One call being placed: who, from where, since when. */
  private record Attempt(Person caller, Person callee, SimNode callerHost, SimNode calleeHost, long startMillis,
      Reachability[] resolved) {}

  public CallWorkload(CallScenario scenario, Simulator simulator, SplittableRandom random) {
    this.scenario = scenario;
    this.simulator = simulator;
    this.scheduler = simulator.scheduler();
    this.random = random;
    this.media = new SimulatedMedia(scheduler);
    for (int i = 0; i < scenario.people(); i++) {
      Person p = new Person(i, Identity.generate(random.split()));
      people.add(p);
      homeless.add(p);
    }
  }

  /** The factory a run takes. */
  public static ScenarioExtension.Factory factory(CallScenario scenario) {
    return (simulator, random) -> new CallWorkload(scenario, simulator, random);
  }

  @Override
  public String name() {
    return "calls";
  }

  @Override
  public List<NamespaceValidator> validators() {
    return List.of(ContactRecordValidator.forPeriods(ContactPeriods.defaults()));
  }

  @Override
  public Map<String, Object> report() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("people", scenario.people());
    m.put("calls_per_s", scenario.callsPerSecond());
    m.putAll(stats().toMap());
    return m;
  }

  @Override
  public String line() {
    CallStats s = stats();
    return String.format(Locale.ROOT, "calls %d, connected %d, success for online callees %.4f, connect p50 %s ms p99 %s ms",
        s.attempted(), s.connected(), s.successRate(), (long) s.connectMillis.percentile(50), (long) s.connectMillis.percentile(99));
  }

  /**
   * A node finished joining: a person whose node it is (restarted with its key) comes back on
   * it; otherwise, while people wait for a first node, the next one makes it theirs.
   */
  @Override
  public void joined(SimNode node) {
    Person p = byNodeId.get(node.dht().id());
    if (p == null) {
      p = homeless.poll();
      if (p == null) {
        return;
      }
      byNodeId.put(node.dht().id(), p);
    }
    hosted.put(node, p);
    p.attach(node, scheduler, media, random.split(), listenerFor(p));
  }

  /** A node left: its person is offline until its node is back. */
  @Override
  public void left(SimNode node) {
    Person p = hosted.remove(node);
    if (p != null) {
      departedRepublishes += p.publishing().republishesAfterAudit();
      p.detach();
    }
  }

  @Override
  public Identity restartIdentity(SimNode leaving) {
    return byNodeId.containsKey(leaving.dht().id()) ? leaving.dht().identity() : null;
  }

  /** Starts the calls (after the warm-up). */
  @Override
  public void start() {
    running = scenario.callsPerSecond() > 0 && people.size() >= 2;
    if (running) {
      scheduleNext();
    }
  }

  public CallStats stats() {
    long live = 0;
    for (Person p : people) {
      if (p.publishing() != null) {
        live += p.publishing().republishesAfterAudit();
      }
    }
    stats.republishesAfterAudit = departedRepublishes + live;
    return stats;
  }

  /** Persons currently online (for tests). */
  public long online() {
    return people.stream().filter(Person::online).count();
  }

  private void scheduleNext() {
    double gapSeconds = -Math.log(1 - random.nextDouble()) / scenario.callsPerSecond();
    simulator.schedule(Math.max(1, Math.round(gapSeconds * 1000)), () -> {
      placeOne();
      scheduleNext();
    });
  }

  private void placeOne() {
    Person caller = randomIdle(null);
    Person callee = caller == null ? null : randomIdle(caller);
    if (callee == null) {
      return;
    }
    long t0 = simulator.nowMillis();
    SimNode from = caller.host();
    Reachability[] resolved = new Reachability[1];
    CompletableFuture<Reachability> reach = lookup
        .resolve(from.dht(), callee.identity.publicKey(), t0, 0, Optional.of(caller.identity))
        .thenApply(rc -> {
          stats.resolveMillis.add(simulator.nowMillis() - t0);
          resolved[0] = rc.record().reachability();
          return resolved[0];
        });
    CallSession call = caller.calls().call(callee.identity.publicKey(), reach);
    stats.attempted++;
    attempts.put(call, new Attempt(caller, callee, from, callee.host(), t0, resolved));
  }

  private Person randomIdle(Person not) {
    for (int i = 0; i < DRAWS; i++) {
      Person p = people.get(random.nextInt(people.size()));
      if (p != not && p.idle()) {
        return p;
      }
    }
    return null;
  }

  private CallListener listenerFor(Person person) {
    return new CallListener() {
      @Override
      public void onStateChanged(CallSession call, CallState from, CallState to) {
        Attempt a = attempts.get(call);
        if (to == CallState.ACTIVE) {
          // both sides hang up after the hold time (the first one ends it, the other is a no-op)
          simulator.schedule(scenario.holdMillis(), () -> {
            if (!call.ended()) {
              call.hangup();
            }
          });
        }
        if (a == null) {
          return; // the callee's side
        }
        long since = simulator.nowMillis() - a.startMillis();
        if (to == CallState.CONNECTING) {
          stats.answerMillis.add(since);
        } else if (to == CallState.ACTIVE) {
          attempts.remove(call);
          if (bothStayed(a)) {
            stats.connected++;
            stats.connectMillis.add(since);
          } else {
            stats.partyLeft++;
          }
        }
      }

      @Override
      public void onEnded(CallSession call) {
        Attempt a = attempts.remove(call);
        if (a == null) {
          return; // connected before, or the callee's side
        }
        if (!bothStayed(a)) {
          stats.partyLeft++;
          return;
        }
        stats.failures.merge(call.endReason() + ": " + call.endDetail() + cause(a), 1L, Long::sum);
      }
    };
  }

  /** What the simulator knows and the caller could not: whether the record it used was stale. */
  private static String cause(Attempt a) {
    Reachability r = a.resolved()[0];
    if (r == null) {
      return " (not resolved)";
    }
    return r.routes().contains(a.calleeHost().dht().id()) ? " (current record)" : " (stale record: a former node)";
  }

  /** Neither party's node left between the call's start and now. */
  private static boolean bothStayed(Attempt a) {
    return a.callerHost().alive() && a.calleeHost().alive() && a.caller().host() == a.callerHost()
        && a.callee().host() == a.calleeHost();
  }
}
