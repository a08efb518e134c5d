package net.switchboard.simulations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import net.switchboard.dht.DhtConfig;
import net.switchboard.netsim.engine.Durations;
import net.switchboard.netsim.network.Partition;
import net.switchboard.simulations.calls.CallScenario;
import net.switchboard.simulations.calls.CallWorkload;
import net.switchboard.simulations.churn.ChurnSpec;
import net.switchboard.simulations.report.ProgressBar;
import net.switchboard.simulations.report.ReportWriter;
import net.switchboard.simulations.scenario.ChurnSimulation;
import net.switchboard.simulations.scenario.Progress;
import net.switchboard.simulations.scenario.ScenarioConfig;
import net.switchboard.simulations.scenario.SimulationResult;

/**
 * {@code switchboard simulate}: runs one churn simulation and writes its report folder. The
 * overlay CLI wraps {@link #run}; {@link #main} runs it stand-alone.
 */
public final class SimulateCommand {
  static final String USAGE = """
      Usage: switchboard simulate [options]
      Runs the production DHT on a virtual network under churn and writes a report folder.

        --nodes N            population kept up (default 1000)
        --duration D         simulated time after the warm-up, e.g. 24h, 7d (default 24h)
        --churn SPEC         none | exponential:mean=1h | weibull:shape=0.38,median=2h (or scale=)
                             | pareto:alpha=1.5,min=30m | trace:FILE (CSV node,join_s,leave_s)
                             (default weibull:shape=0.38,median=2h)
        --records R          records kept published (default 1000)
        --seed S             the one seed of every random draw (default 1)
        --out DIR            report folder (default sim-out)
        --k K                replication factor and bucket size (default: the core's)
        --alpha A            lookup parallelism (default: the core's)
        --republish D        republish interval of held records (default: the core's)
        --refresh D          bucket refresh interval (default: the core's)
        --ttl D              lifetime of published records (default: the core's)
        --record-refresh D   owners re-sign their record this often, or 'never' (default: ttl/2)
        --loss P             datagram loss probability, e.g. 0.01 (default 0)
        --partition SPEC     start=2h,heal=3h,fraction=0.5 (times after the warm-up)
        --resolve-rate R     resolves per simulated second (default 0.2)
        --sample D           sampling interval (default 10m)
        --warmup D           time in which the initial population joins (default 10m)
        --off-time D         delay before a departed node is replaced (default 0)
        --no-replace         do not replace departed nodes (the population decays)
        --record-bytes N     data bytes per record (default 200)
        --people N           persons publishing contact records and calling each other through the
                             production signaling (default 0: DHT records only)
        --call-rate R        calls per simulated second between online people (default 0.2)
        --call-hold D        how long a connected call lasts (default 30s)
        --crypto C           sim (default: the core's simulation stand-in, same sizes as
                             Ed25519, ~100x cheaper) or ed25519 (real signatures, slow)
        --quiet              no progress bar
        --help               this text
      Writes DIR/summary.json, timeseries.csv, messages.csv, *.png and report.html.
      """;

  private SimulateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code (0 ok, 2 bad input, 1 failure). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (o.help) {
      out.print(USAGE);
      return 0;
    }
    ScenarioConfig config;
    try {
      config = o.toConfig().validate();
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      return 2;
    }
    long start = System.nanoTime();
    SimulationResult result;
    try {
      result = new ChurnSimulation(config, o.calls.people() == 0 ? null : CallWorkload.factory(o.calls)).run(o.quiet ? Progress.NONE : new ProgressBar(err));
    } catch (RuntimeException e) {
      err.println("simulate: the run failed: " + e);
      return 1;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    try {
      ReportWriter.write(result, wall, o.out);
    } catch (IOException e) {
      err.println("simulate: cannot write " + o.out + ": " + e.getMessage());
      return 1;
    }
    out.printf(java.util.Locale.ROOT,
        "records lost %d of %d, availability min %.4f, resolve success %.4f, hops median %s, %.0f bytes/node/s, %.1f s wall -> %s%n",
        result.recordsLost(), result.recordsPublished(), result.availabilityMin(), result.resolveSuccessRate(),
        fmt(result.hopsMedian()), result.maintenanceBytesPerNodePerSecond(), wall, o.out.resolve("report.html"));
    if (!result.extensionLine().isEmpty()) {
      out.println(result.extensionLine());
    }
    return 0;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.valueOf((long) v);
  }

  /** Parsed flags. */
  static final class Options {
    boolean help;
    boolean quiet;
    Path out = Path.of("sim-out");
    ScenarioConfig config = ScenarioConfig.defaults();
    DhtConfig dht = DhtConfig.defaults();
    Long recordRefresh;
    CallScenario calls = CallScenario.none().withCallsPerSecond(0.2);

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String flag = a;
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          flag = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        switch (flag) {
          case "--help", "-h" -> o.help = true;
          case "--quiet" -> o.quiet = true;
          case "--no-replace" -> o.config = o.config.withReplaceLeavers(false);
          default -> {
            if (!flag.startsWith("--")) {
              throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
              }
              value = args[++i];
            }
            o.set(flag, value);
          }
        }
      }
      return o;
    }

    private void set(String flag, String v) {
      switch (flag) {
        case "--nodes" -> config = config.withNodes(integer(flag, v, 2));
        case "--duration" -> config = config.withDurationMillis(duration(flag, v));
        case "--churn" -> config = config.withChurn(ChurnSpec.parse(v));
        case "--records" -> config = config.withRecords(integer(flag, v, 0));
        case "--seed" -> config = config.withSeed(longValue(flag, v));
        case "--out" -> out = Path.of(v);
        case "--people" -> calls = calls.withPeople(integer(flag, v, 0));
        case "--call-rate" -> calls = calls.withCallsPerSecond(number(flag, v));
        case "--call-hold" -> calls = new CallScenario(calls.people(), calls.callsPerSecond(), duration(flag, v));
        case "--k" -> dht = dht.withK(integer(flag, v, 1));
        case "--alpha" -> dht = dht.withAlpha(integer(flag, v, 1));
        case "--republish" -> dht = dht.withRepublishIntervalMillis(duration(flag, v));
        case "--refresh" -> dht = dht.withRefreshIntervalMillis(duration(flag, v));
        case "--ttl" -> dht = dht.withRecordTtlMillis(duration(flag, v));
        case "--record-refresh" -> recordRefresh = v.equals("never") ? 0L : duration(flag, v);
        case "--loss" -> config = config.withLossRate(number(flag, v));
        case "--partition" -> config = config.withPartition(Partition.parse(v));
        case "--resolve-rate" -> config = config.withResolvesPerSecond(number(flag, v));
        case "--sample" -> config = config.withSampleIntervalMillis(duration(flag, v));
        case "--warmup" -> config = config.withWarmupMillis(duration(flag, v));
        case "--off-time" -> config = config.withOffTimeMillis(duration(flag, v));
        case "--record-bytes" -> config = config.withRecordDataBytes(integer(flag, v, 1));
        case "--crypto" -> config = config.withSignatures(switch (v) {
          case "sim" -> net.switchboard.simulations.scenario.SimulationSignatureScheme.INSTANCE;
          case "ed25519" -> net.switchboard.dht.identity.SignatureScheme.ed25519();
          default -> throw new IllegalArgumentException("--crypto expects sim or ed25519, got '" + v + "'");
        });
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }

    ScenarioConfig toConfig() {
      long refresh = recordRefresh != null ? recordRefresh : dht.recordTtlMillis() / 2;
      return config.withDht(dht).withRecordRefreshMillis(refresh);
    }

    private static long duration(String flag, String v) {
      try {
        long ms = Durations.parseMillis(v);
        if (ms <= 0) {
          throw new IllegalArgumentException(flag + " must be > 0, got '" + v + "'");
        }
        return ms;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(flag + ": " + e.getMessage());
      }
    }

    private static int integer(String flag, String v, int min) {
      long n = longValue(flag, v);
      if (n < min || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(flag + " must be >= " + min + ", got " + v);
      }
      return (int) n;
    }

    private static long longValue(String flag, String v) {
      try {
        return Long.parseLong(v.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " expects an integer, got '" + v + "'");
      }
    }

    private static double number(String flag, String v) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " expects a number, got '" + v + "'");
      }
    }
  }
}
