package net.switchboard.simulations.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.switchboard.simulations.scenario.Samples;

/** What the calls of a run came to. Latencies in virtual milliseconds. */
public final class CallStats {
  /** Calls placed from an online person to an online, idle person. */
  long attempted;
  /** The caller reached ACTIVE: offer, answer and candidates crossed the overlay. */
  long connected;
  /** Calls during which the caller's or the callee's node left (not counted either way). */
  long partyLeft;
  /** Failures by end reason and detail. */
  final Map<String, Long> failures = new TreeMap<>();
  final Samples resolveMillis = new Samples();
  final Samples answerMillis = new Samples();
  final Samples connectMillis = new Samples();
  long republishesAfterAudit;

  /** Success rate over calls whose two parties stayed online, or 1 with none. */
  public double successRate() {
    long counted = connected + failed();
    return counted == 0 ? 1 : (double) connected / counted;
  }

  public long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  public long attempted() {
    return attempted;
  }

  public long connected() {
    return connected;
  }

  /** The {@code calls} object of summary.json. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempted", attempted);
    m.put("connected", connected);
    m.put("failed", failed());
    m.put("party_left_during_setup", partyLeft);
    m.put("success_rate_online_callees", successRate());
    m.put("failures", new LinkedHashMap<>(failures));
    m.put("resolve_ms", percentiles(resolveMillis));
    m.put("answer_ms", percentiles(answerMillis));
    m.put("connect_ms", percentiles(connectMillis));
    m.put("republishes_after_audit", republishesAfterAudit);
    return m;
  }

  private static Map<String, Object> percentiles(Samples s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", s.percentile(50));
    m.put("p95", s.percentile(95));
    m.put("p99", s.percentile(99));
    return m;
  }
}
