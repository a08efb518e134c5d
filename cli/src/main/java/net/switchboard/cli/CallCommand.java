package net.switchboard.cli;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.switchboard.cli.DataDirOptions;
import net.switchboard.cli.EndpointConverter;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.media.FileTransfer;
import net.switchboard.media.WavFiles;
import net.switchboard.media.WebRtcPeer;
import net.switchboard.overlay.calls.CallSettings;
import net.switchboard.overlay.calls.NodeCalls;
import net.switchboard.overlay.contacts.AdminPortFile;
import net.switchboard.overlay.node.NodeConfig;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Failures;
import net.switchboard.seam.NodeLog;
import net.switchboard.signaling.call.CallConfig;
import net.switchboard.signaling.call.CallPolicy;
import net.switchboard.signaling.call.CallSession;
import net.switchboard.signaling.call.CallState;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactResolveException;
import net.switchboard.signaling.directory.ContactLookup;
import net.switchboard.signaling.directory.ResolvedContact;
import net.switchboard.signaling.transport.ContactAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard call ID}: calls a contact as a short-lived client node (a throwaway node
 * identity; the call itself is placed as the identity of {@code --data-dir}), resolving its contact
 * record first. Chat over the data channel (stdin to the channel, the channel to stdout), or send a
 * file ({@code --send}, exit 0 only once the receiver confirmed its SHA-256) and/or audio ({@code
 * --audio}).
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Calls ID (a printed id): resolves its contact record, rings it through the overlay and opens a WebRTC data channel.",
      "Without --send/--audio: a text chat, lines from stdin to the callee and the callee's lines to stdout, until EOF.",
      "Joins as a short-lived client through --bootstrap, or else through the node running on --data-dir.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:connected (and the file/audio was delivered)",
      "1:network error, media failure, transfer failed",
      "2:bad input (invalid id, missing file)",
      "4:unreachable: offline, or the callee refused the call (the two look the same on purpose)",
      "5:the callee rejected the call",
      "6:the callee is busy",
      "7:no answer in time",
      "(one table for every command: README.md, 'Exit codes and errors')",
    })
public final class CallCommand implements Callable<Integer> {
  private static final ExitCode NETWORK = ExitCode.FAILED;
  private static final ExitCode BAD_INPUT = ExitCode.BAD_INPUT;
  private static final ExitCode UNREACHABLE = ExitCode.UNREACHABLE;
  private static final ExitCode REJECTED = ExitCode.REJECTED;
  private static final ExitCode BUSY = ExitCode.BUSY;
  private static final ExitCode NO_ANSWER = ExitCode.NO_ANSWER;

  @Spec CommandSpec spec;
  @Mixin DataDirOptions data;

  @Parameters(index = "0", paramLabel = "ID", description = "The printed id to call (56 characters).")
  String id;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
      description = "Join through this node (repeatable). Default: the node running on --data-dir.")
  List<Endpoint> bootstrap = new ArrayList<>();

  @Option(names = "--send", paramLabel = "FILE", description = "Send this file; the callee stores it after checking its SHA-256.")
  Path sendFile;

  @Option(names = "--audio", paramLabel = "WAV", description = "Send the audio of this PCM WAV file (the callee records what it hears).")
  Path audioFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up when not connected after this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--transfer-timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "Give up a file or audio transfer after this long (default: ${DEFAULT-VALUE}).")
  int transferTimeoutSeconds;

  @Option(names = "--peerjs-url", paramLabel = "URL", description = "Also signal through this PeerJS server.")
  URI peerJsUrl;

  @Option(names = "--peerjs-key", paramLabel = "KEY", defaultValue = "peerjs", description = "The PeerJS server's key (default: ${DEFAULT-VALUE}).")
  String peerJsKey;

  @Option(names = "--loopback-media", description = "Announce 127.0.0.1 in ICE candidates (automatic when joining via loopback).")
  boolean loopbackMedia;

  @Option(names = "--json", description = "Print the outcome as one JSON line.")
  boolean json;

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    byte[] callee = checkInput();
    Identity person = data.loadIdentity(err).identity();
    List<Endpoint> via = bootstrap.isEmpty() ? localNode() : bootstrap;
    String host = BindHost.forBootstrap(via);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    Vertx vertx = Vertx.vertx();
    OverlayNode node = null;
    NodeCalls calls = null;
    try {
      progress("starting a temporary client node");
      node = OverlayNode.start(vertx, NodeConfig.defaults().withHost(host).withPort(0).withBootstrap(via),
          Identity.generate(new SecureRandom()), new SecureRandom(), NodeLog.silent()).get(10, TimeUnit.SECONDS);
      int contacts;
      try {
        contacts = node.join().get(left(deadline), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        return fail(NETWORK, "cannot join via " + via + ": " + Failures.message(e));
      }
      if (contacts == 0) {
        return fail(NETWORK, "cannot join via " + via + ": no node answered");
      }
      CompletableFuture<CallSession> ended = new CompletableFuture<>();
      CompletableFuture<CallSession> active = new CompletableFuture<>();
      ended.thenAccept(active::complete);
      NodeCalls.Events events = new NodeCalls.Events() {
        @Override
        public void onStateChanged(CallSession call, CallState from, CallState to) {
          if (to == CallState.ACTIVE) {
            active.complete(call);
          }
        }

        @Override
        public void onText(CallSession call, String text) {
          out.println(text);
          out.flush();
        }

        @Override
        public void onEnded(CallSession call) {
          ended.complete(call);
        }
      };
      long ringMillis = Math.max(1000, Math.min(CallConfig.defaults().ringTimeoutMillis(), timeoutSeconds * 1000L));
      CallSettings settings = CallSettings.defaults()
          .withPerson(person)
          .withPolicy((key, now) -> CallPolicy.Decision.REFUSE) // a client places calls, it takes none
          .withLoopbackMedia(loopbackMedia || NodeCalls.isLoopback(host))
          .withDirect(false, false)
          .withPeerJs(peerJsUrl, peerJsKey)
          .withSendAudio(audioFile != null)
          .withCallConfig(CallConfig.builder().ringTimeoutMillis(ringMillis).build());
      try {
        calls = NodeCalls.start(vertx, node, settings, NodeLog.silent(), events).get(left(deadline), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        return fail(NETWORK, "cannot start calls: " + Failures.message(e));
      }
      String printed = PrintedId.encode(callee);
      progress("joined (" + contacts + " contacts); resolving " + printed);
      // media opens and the offer is made while the record resolves; RING goes once both are ready
      CompletableFuture<ContactAddress> address = resolve(node, callee, person);
      NodeCalls callsRef = calls;
      CallSession session = node.call(d -> callsRef.manager().call(callee,
          address.thenApply(a -> {
            progress("ringing");
            return a.reachability();
          }))).get(left(deadline), TimeUnit.NANOSECONDS);
      NodeCalls c = calls;
      CallSession result;
      try {
        result = active.get(left(deadline), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        c.onNodeThread(session::hangup);
        return fail(NO_ANSWER, "no answer from " + printed + " within " + timeoutSeconds + " s");
      }
      if (result.state() != CallState.ACTIVE) {
        if (address.isCompletedExceptionally()) {
          try {
            address.join();
          } catch (CompletionException e) {
            if (e.getCause() instanceof CallFailed f) {
              return fail(f.code, f.getMessage());
            }
          }
        }
        return ended(result, printed);
      }
      progress("connected");
      WebRtcPeer peer = calls.peer(session).orElse(null);
      if (peer == null) {
        return fail(NETWORK, "the call connected but its media is gone");
      }
      int code = (sendFile != null || audioFile != null) ? transfer(peer, session, printed) : chat(peer, ended);
      c.onNodeThread(session::hangup);
      return code;
    } finally {
      if (calls != null) {
        calls.close();
      }
      if (node != null) {
        try {
          node.stop().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          // exiting anyway
        }
      }
      vertx.close();
    }
  }

  private byte[] checkInput() {
    if (timeoutSeconds < 1 || transferTimeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout and --transfer-timeout must be >= 1");
    }
    byte[] key;
    try {
      key = PrintedId.decode(id);
    } catch (PrintedId.InvalidIdException e) {
      throw new ParameterException(spec.commandLine(), "invalid id '" + id + "': " + e.getMessage());
    }
    if (sendFile != null && (!Files.isRegularFile(sendFile) || !Files.isReadable(sendFile))) {
      throw new ParameterException(spec.commandLine(), "--send: cannot read file " + sendFile);
    }
    if (audioFile != null) {
      try {
        WavFiles.readMono48k(audioFile);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "--audio: not a readable PCM WAV file " + audioFile
            + " (" + e.getMessage() + ")");
      }
    }
    if (peerJsUrl != null && (peerJsUrl.getHost() == null || peerJsUrl.getScheme() == null)) {
      throw new ParameterException(spec.commandLine(), "--peerjs-url must look like ws://host:port/");
    }
    return key;
  }

  /** The local node's addresses, from its admin API (admin.port in the data directory). */
  private List<Endpoint> localNode() {
    Path dir = data.path();
    OptionalInt port = AdminPortFile.read(dir);
    if (port.isEmpty()) {
      throw new net.switchboard.cli.CliException("no --bootstrap and no node running on " + dir
          + " (" + dir.resolve(AdminPortFile.FILE) + " not found): pass --bootstrap HOST:PORT");
    }
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + "/status"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonArray addresses = new JsonObject(r.body()).getJsonArray("addresses");
      List<Endpoint> out = new ArrayList<>();
      for (int i = 0; i < addresses.size(); i++) {
        out.add(Endpoint.parse(addresses.getString(i)));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("it lists no address");
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new net.switchboard.cli.CliException("interrupted");
    } catch (Exception e) {
      throw new net.switchboard.cli.CliException("the node on " + dir + " does not answer on admin port "
          + port.getAsInt() + " (" + e.getMessage() + "): pass --bootstrap HOST:PORT");
    }
  }

  /** Failure with an exit code. */
  private static final class CallFailed extends Exception {
    final ExitCode code;

    CallFailed(ExitCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /**
   * The callee's contact record (so its introduction routes and transports); with no record found,
   * a Java node is still reached through its own node id, SHA-256 of its key.
   */
  private CompletableFuture<ContactAddress> resolve(OverlayNode node, byte[] callee, Identity person) {
    ContactLookup lookup = new ContactLookup(ContactPeriods.defaults());
    CompletableFuture<ResolvedContact> found;
    try {
      found = node.callAsync(d -> lookup.resolve(d, callee, node.scheduler().nowMillis(), 0, Optional.of(person)));
    } catch (RuntimeException e) {
      found = CompletableFuture.failedFuture(e);
    }
    return found.handle((r, error) -> {
      if (error == null) {
        progress("contact record found (" + r.hops() + " hops): transports " + r.record().reachability().transports());
        return ContactAddress.of(callee, r.record().reachability());
      }
      Throwable cause = Failures.unwrap(error);
      if (cause instanceof ContactResolveException cre) {
        if (cre.kind() == ContactResolveException.Kind.NOT_ALLOWED) {
          throw new CompletionException(new CallFailed(UNREACHABLE, "cannot call " + PrintedId.encode(callee)
              + ": its contact record is restricted and you are not on its contact list"));
        }
        progress("no usable contact record (" + cre.kind().name().toLowerCase(java.util.Locale.ROOT)
            + "): routing to its node id");
        return ContactAddress.ofNode(callee);
      }
      if (cause instanceof IllegalArgumentException) {
        throw new CompletionException(new CallFailed(BAD_INPUT, "invalid id: not an Ed25519 public key"));
      }
      throw new CompletionException(new CallFailed(NETWORK, "resolving failed: " + cause.getMessage()));
    });
  }

  private int ended(CallSession s, String printed) {
    return switch (s.endReason()) {
      case REJECTED -> fail(REJECTED, printed + " rejected the call");
      case BUSY -> fail(BUSY, printed + " is busy (in another call)");
      case TIMEOUT -> fail(NO_ANSWER, "no answer from " + printed + " (" + s.endDetail() + ")");
      case FAILED -> s.endDetail().contains("unreachable")
          ? fail(UNREACHABLE, "cannot reach " + printed + ": offline, unreachable, or it refused the call")
          : fail(NETWORK, "call failed: " + s.endDetail());
      default -> fail(NETWORK, "call ended: " + s.endReason() + " (" + s.endDetail() + ")");
    };
  }

  private int transfer(WebRtcPeer peer, CallSession session, String printed) throws InterruptedException {
    JsonObject result = new JsonObject().put("callee", printed).put("call_id", session.id().toString());
    long limit = TimeUnit.SECONDS.toNanos(transferTimeoutSeconds);
    try {
      CompletableFuture<FileTransfer> file = sendFile == null ? CompletableFuture.completedFuture(null)
          : peer.sendFile(sendFile);
      CompletableFuture<Void> audio = audioFile == null ? CompletableFuture.completedFuture(null)
          : peer.sendAudio(audioFile);
      if (sendFile != null) {
        progress("sending " + sendFile.getFileName() + " (" + Files.size(sendFile) + " bytes)");
      }
      if (audioFile != null) {
        progress("sending audio " + audioFile.getFileName());
      }
      FileTransfer sent = file.get(limit, TimeUnit.NANOSECONDS);
      audio.get(limit, TimeUnit.NANOSECONDS);
      if (sent != null) {
        result.put("file", new JsonObject().put("name", sent.name()).put("size", sent.size())
            .put("sha256", sent.sha256()).put("confirmed", true).put("ms", sent.millis()));
        if (!json) {
          out.println("sent " + sent.name() + " (" + sent.size() + " bytes); the callee confirmed sha256 " + sent.sha256());
        }
      }
      if (audioFile != null) {
        result.put("audio", new JsonObject().put("file", audioFile.getFileName().toString()).put("sent", true));
        if (!json) {
          out.println("sent audio " + audioFile.getFileName());
        }
      }
      if (json) {
        out.println(result.encode());
      }
      out.flush();
      return 0;
    } catch (ExecutionException e) {
      return fail(NETWORK, "transfer failed: " + Failures.message(e));
    } catch (TimeoutException e) {
      return fail(NETWORK, "transfer did not finish within " + transferTimeoutSeconds + " s");
    } catch (java.io.IOException e) {
      return fail(NETWORK, "cannot read " + sendFile + ": " + e.getMessage());
    }
  }

  /** stdin lines to the channel until EOF or the call ends; the other side's lines go to stdout. */
  private int chat(WebRtcPeer peer, CompletableFuture<CallSession> ended) throws InterruptedException {
    progress("connected: type to chat, end with EOF (Ctrl-D)");
    CompletableFuture<Void> eof = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null && !ended.isDone()) {
          peer.sendText(line).get(30, TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        // stdin or the channel closed: end the chat
      }
      eof.complete(null);
    }, "switchboard-chat-stdin");
    reader.setDaemon(true);
    reader.start();
    CompletableFuture.anyOf(eof, ended).join();
    if (ended.isDone()) {
      CallSession s = ended.join();
      progress("the call ended: " + s.endReason() + " (" + s.endDetail() + ")");
    }
    return 0;
  }

  private void progress(String line) {
    err.println("call: " + line);
    err.flush();
  }

  private int fail(ExitCode code, String message) {
    return ErrorOutput.fail("switchboard call", code, message, json, out, err);
  }


  private static long left(long deadline) {
    return Math.max(1, deadline - System.nanoTime());
  }
}
