package net.switchboard.cli;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.PrintedId.InvalidIdException;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.overlay.contacts.AdminPortFile;
import net.switchboard.overlay.contacts.ResolveFailure;
import net.switchboard.overlay.node.NodeConfig;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Failures;
import net.switchboard.seam.NodeLog;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactResolveException;
import net.switchboard.signaling.directory.ContactLookup;
import net.switchboard.signaling.directory.ResolvedContact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard resolve ID}: finds, verifies and decrypts a contact record. Through the local
 * node's admin API (found via {@code admin.port} in the data directory) unless {@code --bootstrap}
 * is given; then as a short-lived client node with a throwaway identity.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Finds, verifies and decrypts the contact record of ID (a printed id) and prints it.",
      "Asks the node running on --data-dir (its admin API) or, with --bootstrap, joins the network "
          + "as a short-lived client with a throwaway identity (which cannot open restricted records).",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:found and decrypted",
      "1:network error, no node running, timeout",
      "2:bad input: invalid (mistyped) id",
      "3:unknown id: no contact record found",
      "8:the record has expired",
      "9:not allowed: a restricted record, and you are not on its contact list",
      "10:forged: a record under the id's storage key does not verify",
      "(one table for every command: README.md, 'Exit codes and errors')",
    })
public final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The printed id to resolve (56 characters).")
  String id;

  @Option(names = "--json", description = "Print {id, node_id, seq, expires_at, period, routes, endpoints, transports, media, hops} as JSON.")
  boolean json;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
      description = "Resolve as a short-lived client joining through this node (repeatable), not through the local node.")
  List<Endpoint> bootstrap = new ArrayList<>();

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "Data directory of the local node, whose admin.port says where its admin API is (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--admin-port", paramLabel = "PORT",
      description = "Ask the node whose admin API listens on 127.0.0.1:PORT (instead of reading admin.port).")
  Integer adminPort;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;


  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    if (timeoutSeconds < 1) {
      return fail(ResolveFailure.INVALID_ID, "--timeout must be >= 1, got " + timeoutSeconds);
    }
    byte[] publicKey;
    try {
      publicKey = PrintedId.decode(id);
    } catch (InvalidIdException e) {
      return fail(ResolveFailure.INVALID_ID, "invalid id: " + e.getMessage());
    }
    String printed = PrintedId.encode(publicKey);
    if (!bootstrap.isEmpty()) {
      return asClient(publicKey, printed);
    }
    OptionalInt port = adminPort != null ? OptionalInt.of(adminPort) : AdminPortFile.read(dataDir);
    if (port.isEmpty()) {
      return fail(ResolveFailure.NETWORK, "no local node: " + dataDir.resolve(AdminPortFile.FILE)
          + " not found; start 'switchboard node --data-dir " + dataDir + "' or pass --bootstrap HOST:PORT");
    }
    return viaAdmin(port.getAsInt(), printed);
  }

  // ---- through the local node's admin API -----------------------------------------------------

  private int viaAdmin(int port, String printed) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/resolve/" + printed);
    HttpResponse<String> response;
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      return fail(ResolveFailure.NETWORK, "no node answers on admin port 127.0.0.1:" + port
          + (adminPort == null ? " (stale " + dataDir.resolve(AdminPortFile.FILE) + "?)" : "")
          + "; start 'switchboard node' or pass --bootstrap HOST:PORT");
    } catch (IOException e) {
      return fail(ResolveFailure.NETWORK, "admin API on 127.0.0.1:" + port + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(ResolveFailure.NETWORK, "interrupted");
    }
    JsonObject body;
    try {
      body = new JsonObject(response.body());
    } catch (DecodeException | ClassCastException e) {
      return fail(ResolveFailure.NETWORK, "127.0.0.1:" + port + " is not a switchboard admin API (HTTP "
          + response.statusCode() + ")");
    }
    if (response.statusCode() == 200) {
      return print(body);
    }
    if (response.statusCode() == 404 && body.getString("kind") == null) {
      return fail(ResolveFailure.NETWORK, "the node on admin port " + port + " cannot resolve contact records");
    }
    ResolveFailure f = ResolveFailure.ofKind(body.getString("kind"));
    return fail(f, body.getString("error", "failed (HTTP " + response.statusCode() + ")"));
  }

  // ---- as a short-lived client ----------------------------------------------------------------

  private int asClient(byte[] publicKey, String printed) {
    Vertx vertx = Vertx.vertx();
    OverlayNode node = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    try {
      Identity throwaway = Identity.generate(new SecureRandom());
      NodeConfig config = NodeConfig.defaults()
          .withHost(BindHost.forBootstrap(bootstrap))
          .withPort(0)
          .withBootstrap(bootstrap);
      progress("starting a temporary client node");
      node = OverlayNode.start(vertx, config, throwaway, new SecureRandom(), NodeLog.silent())
          .get(left(deadline), TimeUnit.NANOSECONDS);
      // a throwaway resolver must not leave a dead entry in other nodes' routing tables
      node.call(d -> {
        d.setClientMode(true);
        return null;
      }).get(left(deadline), TimeUnit.NANOSECONDS);
      progress("joining via " + join(bootstrap));
      int contacts;
      try {
        contacts = node.join().get(left(deadline), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        return fail(ResolveFailure.NETWORK, "cannot join via " + join(bootstrap) + ": " + Failures.message(e));
      }
      if (contacts == 0) {
        return fail(ResolveFailure.NETWORK, "cannot join via " + join(bootstrap) + ": no node answered");
      }
      progress("joined (" + contacts + " contacts); looking up the contact record");
      ContactLookup lookup = new ContactLookup(ContactPeriods.defaults());
      OverlayNode n = node;
      try {
        ResolvedContact resolved = node.callAsync(d -> lookup.resolve(
                d, publicKey, n.scheduler().nowMillis(), 0, Optional.empty()))
            .get(left(deadline), TimeUnit.NANOSECONDS);
        progress("found and decrypted (" + resolved.hops() + " hops, " + resolved.rpcs() + " requests)");
        return print(net.switchboard.overlay.contacts.ResolvedContactJson.toJson(resolved));
      } catch (ExecutionException e) {
        Throwable cause = Failures.unwrap(e);
        if (cause instanceof ContactResolveException cre) {
          ResolveFailure f = ResolveFailure.of(cre.kind());
          return fail(f, f.message(printed, f == ResolveFailure.NOT_FOUND ? null : cre.getMessage()));
        }
        if (cause instanceof IllegalArgumentException) {
          return fail(ResolveFailure.INVALID_ID, "invalid id: " + cause.getMessage());
        }
        return fail(ResolveFailure.NETWORK, "lookup failed: " + Failures.message(e));
      }
    } catch (TimeoutException e) {
      return fail(ResolveFailure.NETWORK, "timed out after " + timeoutSeconds + " s");
    } catch (ExecutionException e) {
      return fail(ResolveFailure.NETWORK, Failures.message(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(ResolveFailure.NETWORK, "interrupted");
    } finally {
      if (node != null) {
        try {
          node.stop().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          // closing Vert.x below closes the socket anyway
        }
      }
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // exiting anyway
      }
    }
  }

  private static long left(long deadline) throws TimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new TimeoutException();
    }
    return left;
  }

  private static String join(List<Endpoint> endpoints) {
    return String.join(", ", endpoints.stream().map(Endpoint::toString).toList());
  }

  private void progress(String line) {
    err.println("resolve: " + line);
    err.flush();
  }

  // ---- output ---------------------------------------------------------------------------------

  private int print(JsonObject record) {
    out.println(json ? record.encode() : net.switchboard.overlay.contacts.ResolvedContactJson.humanReadable(record));
    out.flush();
    return 0;
  }

  private int fail(ResolveFailure failure, String message) {
    return ErrorOutput.fail(spec.qualifiedName(), exitCodeOf(failure), message, json, out, err);
  }

  /** The exit code of each way a resolve fails. */
  static ExitCode exitCodeOf(ResolveFailure failure) {
    return switch (failure) {
      case NETWORK -> ExitCode.FAILED;
      case INVALID_ID -> ExitCode.BAD_INPUT;
      case NOT_FOUND -> ExitCode.NOT_FOUND;
      case EXPIRED -> ExitCode.EXPIRED;
      case NOT_ALLOWED -> ExitCode.NOT_ALLOWED;
      case FORGED -> ExitCode.FORGED;
    };
  }

}
