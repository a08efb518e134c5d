package net.switchboard.simulations.scenario;

/** Outcomes of resolves: over the whole run and over the current sampling interval. */
final class ResolveStats {
  final Samples latencyAll = new Samples();
  final Samples hopsAll = new Samples();
  final Samples latencyInterval = new Samples();
  final Samples hopsInterval = new Samples();
  long ok;
  long failed;
  long okInterval;
  long failedInterval;

  void success(long latencyMillis, int hops) {
    ok++;
    okInterval++;
    latencyAll.add(latencyMillis);
    hopsAll.add(hops);
    latencyInterval.add(latencyMillis);
    hopsInterval.add(hops);
  }

  void failure() {
    failed++;
    failedInterval++;
  }

  void resetInterval() {
    okInterval = 0;
    failedInterval = 0;
    latencyInterval.clear();
    hopsInterval.clear();
  }
}
