package net.switchboard.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.switchboard.simulations.SimulateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code switchboard simulate ...}: hands its arguments unchanged to the simulator's own parser
 * ({@link SimulateCommand}), which owns the flags and the {@code --help} text.
 */
@Command(
    name = "simulate",
    description = "Runs a churn simulation of the production DHT on virtual nodes and writes a report folder (see --help).")
public final class SimulateCliCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    return SimulateCommand.run(args.toArray(String[]::new), out, err);
  }
}
