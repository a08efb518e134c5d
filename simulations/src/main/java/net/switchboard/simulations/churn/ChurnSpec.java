package net.switchboard.simulations.churn;

import net.switchboard.netsim.engine.Durations;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code --churn} value: either a {@link ChurnModel} or a {@link ChurnTrace}. Spellings:
 * {@code none}, {@code exponential:mean=1h}, {@code weibull:shape=0.38,median=2h} (or {@code
 * scale=}), {@code pareto:alpha=1.5,min=30m}, {@code trace:FILE}.
 */
public record ChurnSpec(ChurnModel model, ChurnTrace trace) {

  public ChurnSpec {
    if ((model == null) == (trace == null)) {
      throw new IllegalArgumentException("a churn spec is a model or a trace");
    }
  }

  public boolean isTrace() {
    return trace != null;
  }

  public String describe() {
    return trace != null ? trace.describe() : model.describe();
  }

  /** Parses a spec; the error message says what was wrong and what is accepted. */
  public static ChurnSpec parse(String spec) {
    String s = spec.trim();
    if (s.equals("none")) {
      return new ChurnSpec(ChurnModel.NONE, null);
    }
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("churn '" + spec + "': expected none, exponential:mean=.., weibull:shape=..,median=.., pareto:alpha=..,min=.. or trace:FILE");
    }
    String kind = s.substring(0, colon);
    String rest = s.substring(colon + 1);
    if (kind.equals("trace")) {
      return new ChurnSpec(null, ChurnTrace.read(Path.of(rest)));
    }
    Map<String, String> p = params(kind, rest);
    return switch (kind) {
      case "exponential" -> {
        only(kind, p, "mean");
        yield new ChurnSpec(new ExponentialChurn(seconds(kind, p, "mean")), null);
      }
      case "weibull" -> {
        only(kind, p, "shape", "median", "scale");
        double shape = number(kind, p, "shape");
        if (p.containsKey("median") == p.containsKey("scale")) {
          throw new IllegalArgumentException("weibull: give exactly one of median= or scale=");
        }
        yield new ChurnSpec(p.containsKey("median")
            ? WeibullChurn.withMedian(shape, seconds(kind, p, "median"))
            : new WeibullChurn(shape, seconds(kind, p, "scale")), null);
      }
      case "pareto" -> {
        only(kind, p, "alpha", "min");
        yield new ChurnSpec(new ParetoChurn(number(kind, p, "alpha"), seconds(kind, p, "min")), null);
      }
      default -> throw new IllegalArgumentException("churn: unknown model '" + kind + "' (none, exponential, weibull, pareto, trace)");
    };
  }

  private static Map<String, String> params(String kind, String rest) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String part : rest.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new IllegalArgumentException(kind + ": expected key=value, got '" + part + "'");
      }
      p.put(kv[0].trim(), kv[1].trim());
    }
    return p;
  }

  private static void only(String kind, Map<String, String> p, String... allowed) {
    for (String key : p.keySet()) {
      if (!java.util.List.of(allowed).contains(key)) {
        throw new IllegalArgumentException(kind + ": unknown parameter '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private static double number(String kind, Map<String, String> p, String key) {
    String v = p.get(key);
    if (v == null) {
      throw new IllegalArgumentException(kind + ": missing " + key + "=");
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(kind + ": bad " + key + " '" + v + "'");
    }
  }

  private static double seconds(String kind, Map<String, String> p, String key) {
    String v = p.get(key);
    if (v == null) {
      throw new IllegalArgumentException(kind + ": missing " + key + "=");
    }
    return Durations.parseSeconds(v);
  }
}
