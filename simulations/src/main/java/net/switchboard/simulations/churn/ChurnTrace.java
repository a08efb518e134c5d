package net.switchboard.simulations.churn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recorded sessions replayed as churn. CSV lines {@code node,join_s,leave_s} (a header line and
 * {@code #} comments are skipped; an empty leave, {@code inf} or {@code -} means the node stays).
 * The same {@code node} label keeps the same identity across its sessions.
 */
public final class ChurnTrace {
  /** One session of trace node {@code node}. */
  public record Session(String node, double joinSeconds, double leaveSeconds) {}

  private final List<Session> sessions;
  private final String source;

  public ChurnTrace(List<Session> sessions, String source) {
    List<Session> sorted = new ArrayList<>(sessions);
    sorted.sort(Comparator.comparingDouble(Session::joinSeconds).thenComparing(Session::node));
    this.sessions = List.copyOf(sorted);
    this.source = source;
  }

  /** Reads a trace file; errors name the file and line. */
  public static ChurnTrace read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read trace " + file + ": " + e.getMessage());
    }
    return parse(lines, file.toString());
  }

  /** Parses trace lines; {@code source} names them in errors. */
  public static ChurnTrace parse(List<String> lines, String source) {
    List<Session> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 2 || f.length > 3) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected node,join_s,leave_s");
      }
      double join;
      try {
        join = Double.parseDouble(f[1].trim());
      } catch (NumberFormatException e) {
        if (out.isEmpty() && i == firstDataLine(lines)) {
          continue; // header
        }
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": bad join time '" + f[1].trim() + "'");
      }
      double leave = Double.POSITIVE_INFINITY;
      String l = f.length == 3 ? f[2].trim() : "";
      if (!l.isEmpty() && !l.equals("-") && !l.equalsIgnoreCase("inf")) {
        try {
          leave = Double.parseDouble(l);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(source + ":" + (i + 1) + ": bad leave time '" + l + "'");
        }
      }
      if (join < 0 || leave <= join) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": need 0 <= join < leave");
      }
      out.add(new Session(f[0].trim(), join, leave));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(source + ": no sessions");
    }
    return new ChurnTrace(out, source);
  }

  private static int firstDataLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (!l.isEmpty() && !l.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  /** Sessions ordered by join time. */
  public List<Session> sessions() {
    return sessions;
  }

  public String describe() {
    return "trace:" + source;
  }
}
