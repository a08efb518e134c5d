package net.switchboard.seam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where a node reports its important events, one line each. */
@FunctionalInterface
public interface NodeLog {
  /** Records one event. */
  void info(String line);

  /** Timestamped lines on stderr, prefixed with {@code tag} (e.g. a short node id). */
  static NodeLog stderr(String tag) {
    return line -> System.err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + tag + " " + line);
  }

  /** Discards everything (for nodes of a large local testnet). */
  static NodeLog silent() {
    return line -> {};
  }
}
