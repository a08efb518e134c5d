package net.switchboard.netsim.engine;

import net.switchboard.seam.Scheduler;

/** One node's view of the {@link Simulator}: its clock and queue, nothing else. */
final class SimScheduler implements Scheduler {
  private final Simulator simulator;

  SimScheduler(Simulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public long nowMillis() {
    return simulator.nowMillis();
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    return simulator.schedule(Math.max(0, delayMillis), task);
  }

  @Override
  public void execute(Runnable task) {
    simulator.post(0, task);
  }

  @Override
  public boolean onSchedulerThread() {
    return simulator.isOwnThread();
  }
}
