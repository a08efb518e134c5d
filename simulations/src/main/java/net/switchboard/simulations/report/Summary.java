package net.switchboard.simulations.report;

import java.util.LinkedHashMap;
import java.util.Map;
import net.switchboard.dht.DhtConfig;
import net.switchboard.netsim.engine.Durations;
import net.switchboard.simulations.scenario.ScenarioConfig;
import net.switchboard.simulations.scenario.SimulationResult;

/** The content of {@code summary.json}: whole-run figures, then the parameters. */
public final class Summary {
  private Summary() {}

  /** Summary fields in a fixed order; {@code wallSeconds} is the only one not fixed by the seed. */
  public static Map<String, Object> of(SimulationResult r, double wallSeconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    ScenarioConfig c = r.config();
    m.put("seed", c.seed());
    m.put("nodes", c.nodes());
    m.put("duration_s", c.durationMillis() / 1000);
    m.put("churn", c.churn().describe());
    m.put("records_published", r.recordsPublished());
    m.put("records_lost", r.recordsLost());
    m.put("availability_min", r.availabilityMin());
    m.put("availability_mean", r.availabilityMean());
    m.put("resolves", r.resolves());
    m.put("resolve_success_rate", r.resolveSuccessRate());
    Map<String, Object> hops = new LinkedHashMap<>();
    hops.put("median", r.hopsMedian());
    hops.put("p99", r.hopsP99());
    m.put("lookup_hops", hops);
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("median", r.latencyMedianMillis());
    latency.put("p99", r.latencyP99Millis());
    m.put("resolve_latency_ms", latency);
    m.put("maintenance_bytes_per_node_per_s", r.maintenanceBytesPerNodePerSecond());
    m.put("joins", r.joins());
    m.put("leaves", r.leaves());
    m.put("events", r.events());
    m.put("messages_by_type", new LinkedHashMap<>(r.messagesByType()));
    m.put("network", new LinkedHashMap<>(r.network()));
    m.put("dht_counters", new LinkedHashMap<>(r.dhtCounters()));
    r.extensions().forEach((name, figures) -> m.put(name, new LinkedHashMap<>(figures)));
    m.put("parameters", parameters(c));
    m.put("wall_seconds", wallSeconds);
    return m;
  }

  /** The run's parameters, as shown in the report. */
  public static Map<String, Object> parameters(ScenarioConfig c) {
    DhtConfig d = c.dht();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("nodes", c.nodes());
    p.put("duration", Durations.format(c.durationMillis()));
    p.put("warmup", Durations.format(c.warmupMillis()));
    p.put("churn", c.churn().describe());
    p.put("records", c.records());
    p.put("seed", c.seed());
    p.put("k", d.k());
    p.put("alpha", d.alpha());
    p.put("republish", Durations.format(d.republishIntervalMillis()));
    p.put("refresh", Durations.format(d.refreshIntervalMillis()));
    p.put("ttl", Durations.format(d.recordTtlMillis()));
    p.put("rpc_timeout", Durations.format(d.rpcTimeoutMillis()));
    p.put("record_refresh", c.recordRefreshMillis() == 0 ? "never" : Durations.format(c.recordRefreshMillis()));
    p.put("loss", c.lossRate());
    p.put("partition", c.partition() == null ? "none"
        : "start=" + Durations.format(c.partition().startMillis()) + ",heal=" + Durations.format(c.partition().healMillis())
            + ",fraction=" + c.partition().fraction());
    p.put("resolves_per_s", c.resolvesPerSecond());
    p.put("sample_interval", Durations.format(c.sampleIntervalMillis()));
    p.put("replace_leavers", c.replaceLeavers());
    p.put("off_time", Durations.format(c.offTimeMillis()));
    p.put("crypto", c.signatures().toString());
    return p;
  }

  /** The JSON text. */
  public static String json(SimulationResult r, double wallSeconds) {
    return SummaryJson.write(of(r, wallSeconds));
  }
}
