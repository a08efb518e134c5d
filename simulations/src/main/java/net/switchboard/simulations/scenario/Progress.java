package net.switchboard.simulations.scenario;

/** Told as the run advances (after the warm-up, then at every sample). */
@FunctionalInterface
public interface Progress {
  /**
   * @param doneMillis simulated time done, warm-up included
   * @param totalMillis simulated time of the whole run, warm-up included
   * @param liveNodes nodes up now
   * @param events events run so far
   */
  void update(long doneMillis, long totalMillis, int liveNodes, long events);

  Progress NONE = (d, t, l, e) -> {};
}
