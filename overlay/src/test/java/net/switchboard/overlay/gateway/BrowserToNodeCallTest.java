package net.switchboard.overlay.gateway;

import static net.switchboard.gateway.HeadlessChromium.addContact;
import static net.switchboard.gateway.HeadlessChromium.callFromContacts;
import static net.switchboard.gateway.HeadlessChromium.hangup;
import static net.switchboard.gateway.HeadlessChromium.id;
import static net.switchboard.gateway.HeadlessChromium.shot;
import static net.switchboard.gateway.HeadlessChromium.waitFor;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.gateway.GatewayConfig;
import net.switchboard.gateway.GatewayNode;
import net.switchboard.gateway.GatewayServer;
import net.switchboard.gateway.HeadlessChromium;
import net.switchboard.overlay.calls.CallSettings;
import net.switchboard.overlay.calls.LivePolicy;
import net.switchboard.overlay.calls.NodeCalls;
import net.switchboard.overlay.contacts.NodeContacts;
import net.switchboard.media.FileTransfer;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import net.switchboard.signaling.call.CallSession;
import net.switchboard.signaling.call.ListCallPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser (real headless Chromium, the web app from the gateway) calls Java nodes and sends them
 * a file. Four loopback nodes: node 1 runs calls and then the browser gateway on an ephemeral port
 * (as {@code switchboard node} does: the gateway chains in front of the node's own route handler);
 * node 3 is a plain Java node with calls. Both publish their contact records and answer the page's
 * identity by themselves (it is on their allow list). The page resolves the node's record, rings it
 * through its gateway, and the node answers through the gateway transport.
 */
class BrowserToNodeCallTest {
  @TempDir static Path dir;
  static LocalTestnet net;
  static JavaNode hosting; // calls on the gateway's own node
  static JavaNode remote; // calls on another node
  static GatewayServer gateway;
  static HeadlessChromium chromium;

  /** A node with calls, its contact record published, and what its calls heard. */
  static final class JavaNode {
    final OverlayNode node;
    final Path dataDir;
    final LivePolicy policy = new LivePolicy(List.of(), List.of(), false, false, ListCallPolicy.AutoAccept.ALLOW_LISTED);
    final Queue<String> texts = new ConcurrentLinkedQueue<>();
    final Queue<FileTransfer> files = new ConcurrentLinkedQueue<>();
    final Queue<CallSession> ended = new ConcurrentLinkedQueue<>();
    NodeContacts contacts;
    NodeCalls calls;

    JavaNode(OverlayNode node, Path dataDir) throws Exception {
      this.node = node;
      this.dataDir = dataDir;
      NodeLog log = NodeLog.stderr("java node " + node.identity().nodeId().shortHex());
      contacts = NodeContacts.start(node, NodeContacts.Options.defaults(), log).get(30, TimeUnit.SECONDS);
      calls = NodeCalls.start(net.vertx(), node, CallSettings.defaults()
              .withPolicy(policy).withDataDir(dataDir).withLoopbackMedia(true).withDirect(false, false),
          log, new NodeCalls.Events() {
            @Override
            public void onText(CallSession call, String text) {
              texts.add(text);
            }

            @Override
            public void onFileReceived(CallSession call, FileTransfer file) {
              files.add(file);
            }

            @Override
            public void onEnded(CallSession call) {
              ended.add(call);
            }
          }).get(30, TimeUnit.SECONDS);
    }

    String printedId() {
      return node.identity().printed();
    }

    void close() {
      if (calls != null) {
        calls.close();
      }
      if (contacts != null) {
        try {
          contacts.stop().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          // closing anyway
        }
      }
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(HeadlessChromium.SHOTS);
    net = LocalTestnet.start(4);
    hosting = new JavaNode(net.node(1), dir.resolve("hosting"));
    remote = new JavaNode(net.node(3), dir.resolve("remote"));
    OverlayNode g = net.node(1);
    gateway = GatewayServer.start(net.vertx(), GatewayNode.of(g.dht(), g.scheduler()),
        GatewayConfig.defaults().withHost("127.0.0.1").withPort(0)).get(10, TimeUnit.SECONDS);
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (gateway != null) {
      gateway.close().get(5, TimeUnit.SECONDS);
    }
    for (JavaNode n : new JavaNode[] {hosting, remote}) {
      if (n != null) {
        n.close(); // media before the nodes stop
      }
    }
    if (net != null) {
      net.close();
    }
  }

  @Test
  void aBrowserCallsAJavaNodeOnAnotherNodeAndSendsAFile() throws Exception {
    callAndSend(remote, "remote-node", "node-1-chat-file");
  }

  @Test
  void aBrowserCallsTheJavaNodeHostingItsGateway() throws Exception {
    callAndSend(hosting, "hosting-node", "node-2-hosting-gateway");
  }

  private void callAndSend(JavaNode callee, String name, String shotName) throws Exception {
    Page page = chromium.page(gateway.url());
    callee.policy.contacts(List.of(PrintedId.decode(id(page)))); // the node's allow list: answer by itself
    addContact(page, callee.printedId(), name);
    callFromContacts(page, name, "chat");
    waitFor(page, "() => sb.lastOpenMillis > 0 && sb.call", 30_000);

    String text = "hello Java node, über the data channel ✓";
    page.fill("#chat-input", text);
    page.click("#chat-send");
    await().atMost(Duration.ofSeconds(10)).until(() -> callee.texts.contains(text));

    // ~1 MB of random bytes; sendFile resolves with the SHA-256 once the node answers OK (it checked it)
    String fileName = name + "-one-megabyte.bin";
    String sent = (String) page.evaluate("async name => {"
        + " const data = new Uint8Array(1024 * 1024 + 123);"
        + " for (let i = 0; i < data.length; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(i + 65536, data.length)));"
        + " return await sb.sendFile(new File([data], name)); }", fileName);
    await().atMost(Duration.ofSeconds(30)).until(() -> !callee.files.isEmpty());
    FileTransfer got = callee.files.poll();
    Path landed = callee.dataDir.resolve(NodeCalls.RECEIVED).resolve(fileName);
    assertEquals(landed.toAbsolutePath().normalize(), got.path().toAbsolutePath().normalize());
    assertTrue(Files.isRegularFile(landed), landed + " missing");
    assertEquals(1024 * 1024 + 123, Files.size(landed));
    assertEquals(sent, sha256(landed), "the file in received/ differs from what the page sent");
    assertEquals(sent, got.sha256());
    shot(page, shotName);

    hangup(page);
    await().atMost(Duration.ofSeconds(15)).until(() -> !callee.ended.isEmpty());
    callee.ended.clear();
    waitFor(page, "() => !sb.call", 10_000);

    // the callee's /metrics counts the call (Prometheus families registered by NodeCalls)
    String metrics = callee.node.call(d -> callee.node.metrics().scrape(false)).get(5, TimeUnit.SECONDS);
    assertTrue(metrics.matches("(?s).*switchboard_calls_total\\{event=\"connected_callee\"\\} [1-9].*"), metrics);
    assertTrue(metrics.matches("(?s).*switchboard_calls_total\\{event=\"ended_[a-z_]+\"\\} [1-9].*"), metrics);
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
