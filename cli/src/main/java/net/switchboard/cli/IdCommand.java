package net.switchboard.cli;

import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import net.switchboard.dht.identity.Identity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard id}: prints this node's identity, creating it on first use. */
@Command(
    name = "id",
    mixinStandardHelpOptions = true,
    description = "Prints this node's identity (the printed id others call you by), creating it on first use.")
public final class IdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOptions data;

  @Option(names = "--json", description = "Print {id, node_id, public_key} as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Identity identity = data.loadIdentity(spec.commandLine().getErr()).identity();
    if (json) {
      spec.commandLine().getOut().println(new JsonObject()
          .put("id", identity.printed())
          .put("node_id", identity.nodeId().toHex())
          .put("public_key", HexFormat.of().formatHex(identity.publicKey()))
          .encode());
    } else {
      spec.commandLine().getOut().println(identity.printed());
    }
    return 0;
  }
}
