package net.switchboard.simulations.report;

import java.io.PrintStream;
import net.switchboard.netsim.engine.Durations;
import net.switchboard.simulations.scenario.Progress;

/** A one-line progress bar on a terminal stream (carriage return, no scrolling). */
public final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private int lastPercent = -1;

  public ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void update(long doneMillis, long totalMillis, int liveNodes, long events) {
    int percent = (int) Math.min(100, doneMillis * 100 / Math.max(1, totalMillis));
    if (percent == lastPercent && percent < 100) {
      return;
    }
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    double wall = (System.nanoTime() - startNanos) / 1e9;
    String eta = percent > 0 && percent < 100 ? String.format("  eta %.0fs", wall * (100 - percent) / percent) : "";
    out.printf("\r[%s%s] %3d%% sim %s/%s  live %d  events %.1fM  wall %.0fs%s ",
        "#".repeat(filled), ".".repeat(WIDTH - filled), percent, Durations.clock(doneMillis), Durations.clock(totalMillis),
        liveNodes, events / 1e6, wall, eta);
    if (percent >= 100) {
      out.println();
    }
    out.flush();
  }
}
