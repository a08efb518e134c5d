package net.switchboard.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this process, read from /proc (Linux). */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Current RSS in MiB, or -1 where /proc is unavailable. */
  public static double rssMb() {
    return field("VmRSS:");
  }

  /** Peak RSS (high-water mark) in MiB, or -1. */
  public static double peakRssMb() {
    return field("VmHWM:");
  }

  private static double field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
