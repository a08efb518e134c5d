package net.switchboard.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard bench}: groups the benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs real nodes on 127.0.0.1 in this JVM and measures them. Progress on stderr, results on stdout.",
    subcommands = {BenchDhtCommand.class, BenchCallCommand.class, BenchGatewayCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing benchmark: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
