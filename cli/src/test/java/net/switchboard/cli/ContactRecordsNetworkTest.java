package net.switchboard.cli;

import net.switchboard.overlay.contacts.ContactBook;

import net.switchboard.overlay.contacts.ContactsFile;

import net.switchboard.overlay.contacts.AdminPortFile;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactForgery;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.Id256;





import net.switchboard.overlay.contacts.NodeContacts;
import net.switchboard.signaling.directory.ContactPublishing;
import static org.awaitility.Awaitility.await;import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.vertx.core.json.JsonArray;import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.DhtConfig;
import net.switchboard.overlay.admin.AdminServer;
import net.switchboard.cli.Main;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.testnet.LocalTestnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact records on real nodes over loopback UDP, through the CLI in-process: publish at start,
 * resolve as a short-lived client and through a node's admin API, what storage nodes hold, each
 * resolve error, restricted mode with the contacts file, and the holder audit after the closest
 * holders are killed. One testnet for the class; the tests run in order (the last one kills nodes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactRecordsNetworkTest {
  static final int N = 14;
  static final DhtConfig DHT = DhtConfig.defaults().withK(4).withRpcTimeoutMillis(300);
  static final NodeContacts.Options OPTIONS = NodeContacts.Options.defaults()
      .withPublishing(ContactPublishing.Settings.defaults()
          .withAuditIntervalMillis(DhtConfig.HOUR)
          .withAuditAfterPublishMillis(DhtConfig.HOUR))
      .withWatchIntervalMillis(200);
  static final int PUBLISHER = 1;
  static final int RESTRICTED = 2;
  static final int FRIEND = 3;
  static final int STRANGER = 4;

  @TempDir static Path root;
  static LocalTestnet net;
  static final List<AdminServer> admins = new ArrayList<>();
  static final Map<Integer, NodeContacts> contacts = new HashMap<>();
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startNetworkAndPublish() throws Exception {
    net = LocalTestnet.start(N, LocalTestnet.Options.defaults().withDht(DHT).withDataDirRoot(root));
    for (int i = PUBLISHER; i <= STRANGER; i++) {
      contacts.put(i, NodeContacts.start(net.node(i), OPTIONS.withRestricted(i == RESTRICTED), NodeLog.silent())
          .get(10, TimeUnit.SECONDS));
    }
    for (int i = 0; i < N; i++) {
      NodeContacts c = contacts.get(i);
      AdminServer admin = AdminServer.start(net.vertx(), net.node(i), 0,
          c == null ? List.of() : List.of(c.adminExtension())).get(10, TimeUnit.SECONDS);
      admins.add(admin);
      if (c != null) {
        c.adminListening(admin.port());
      }
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> contacts.values().stream()
        .allMatch(c -> c.status().join().getValue("stored_at_publish") != null));
  }

  @AfterAll
  static void stop() throws Exception {
    for (NodeContacts c : contacts.values()) {
      c.stop().get(5, TimeUnit.SECONDS);
    }
    for (AdminServer a : admins) {
      a.close().get(5, TimeUnit.SECONDS);
    }
    net.close();
  }

  // ---- helpers --------------------------------------------------------------------------------

  record Run(int exit, String out, String err) {
    JsonObject json() {
      return new JsonObject(out);
    }
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Run resolveAsClient(String printed, String... more) {
    return resolveAsClientVia(0, printed, more);
  }

  static Run resolveAsClientVia(int bootstrapNode, String printed, String... more) {
    List<String> args = new ArrayList<>(List.of("resolve", printed, "--bootstrap",
        net.node(bootstrapNode).endpoint().toString(), "--timeout", "20"));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  /** Resolves through node {@code i}'s admin API, found via admin.port in its data directory. */
  static Run resolveThroughNode(int i, String printed, String... more) {
    List<String> args = new ArrayList<>(List.of("resolve", printed, "--data-dir", dataDir(i).toString()));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  static Path dataDir(int i) {
    return root.resolve("node-" + i);
  }

  static OverlayNode node(int i) {
    return net.node(i);
  }

  static String printed(int i) {
    return node(i).identity().printed();
  }

  static String body(String method, int node, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admins.get(node).port() + path))
        .timeout(Duration.ofSeconds(15));
    b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  static JsonObject contactRecordStatus(int node) throws Exception {
    return new JsonObject(body("GET", node, "/status")).getJsonObject("contact_record");
  }

  static String mistype(String printed) {
    char c = printed.charAt(20);
    return printed.substring(0, 20) + (c == 'q' ? 'r' : 'q') + printed.substring(21);
  }

  static int exitOf(Run r) {
    return r.exit();
  }

  // ---- tests ----------------------------------------------------------------------------------

  @Test
  @Order(1)
  void aRecordPublishedAtStartIsResolvedByAShortLivedClientThroughTheCli() throws Exception {
    Run r = resolveAsClient(printed(PUBLISHER), "--json");

    assertEquals(0, r.exit(), r.err());
    JsonObject j = r.json();
    String nodeId = node(PUBLISHER).identity().nodeId().toHex();
    assertEquals(printed(PUBLISHER), j.getString("id"));
    assertEquals(nodeId, j.getString("node_id"));
    assertEquals(new JsonArray().add(nodeId), j.getJsonArray("routes"), "the introduction route is its own node");
    assertEquals(new JsonArray().add("overlay"), j.getJsonArray("transports"));
    assertEquals(new JsonArray().add("audio").add("video").add("data"), j.getJsonArray("media"));
    assertEquals(contactRecordStatus(PUBLISHER).getLong("seq"), j.getLong("seq"));
    long period = ContactPeriods.defaults().periodAt(System.currentTimeMillis());
    assertTrue(j.getLong("period") == period || j.getLong("period") == period - 1, j.encode());
    // a record lives for its ttl, but never past its period's end plus the boundary window
    Instant cap = Instant.ofEpochMilli(ContactPeriods.defaults().endOf(j.getLong("period")) + ContactPeriods.defaults().windowMillis());
    Instant soonest = Instant.now().plusSeconds(3 * 3600).isBefore(cap) ? Instant.now().plusSeconds(3 * 3600) : cap.minusSeconds(600);
    Instant expires = Instant.parse(j.getString("expires_at"));
    assertTrue(expires.isAfter(soonest) && !expires.isAfter(cap), expires + " not in (" + soonest + ", " + cap + "]");
    assertTrue(r.err().contains("joining via " + node(0).endpoint()), r.err());
    assertTrue(r.err().contains("found and decrypted"), r.err());
  }

  @Test
  @Order(2)
  void theLocalNodeResolvesThroughItsAdminApiFoundViaTheDataDirectory() {
    assertTrue(Files.exists(dataDir(STRANGER).resolve(AdminPortFile.FILE)));
    Run human = resolveThroughNode(STRANGER, printed(PUBLISHER));
    Run json = resolveThroughNode(STRANGER, printed(PUBLISHER), "--json");

    assertEquals(0, human.exit(), human.err());
    String nodeId = node(PUBLISHER).identity().nodeId().toHex();
    assertTrue(human.out().contains("routes      " + nodeId), human.out());
    assertTrue(human.out().contains("transports  overlay"), human.out());
    assertEquals(0, json.exit(), json.err());
    assertEquals(new JsonArray().add(nodeId), json.json().getJsonArray("routes"));
    assertEquals("", json.err(), "no progress lines: the node did the work");
  }

  @Test
  @Order(3)
  void storageNodesHoldNoIdentityBytesInTheirStoresOrTheirRecordsApi() throws Exception {
    List<Identity> publishers = new ArrayList<>();
    for (int i = PUBLISHER; i <= STRANGER; i++) {
      publishers.add(node(i).identity());
    }
    int contactRecordsHeld = 0;
    for (int i = 0; i < N; i++) {
      String recordsJson = body("GET", i, "/records");
      List<DhtRecord> held = node(i).call(d -> d.store().records()).get(5, TimeUnit.SECONDS);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes(recordsJson.getBytes(StandardCharsets.UTF_8));
      for (DhtRecord r : held) {
        bytes.writeBytes(r.key().toBytes());
        bytes.writeBytes(r.value());
        if (r.namespace() == ContactEnvelope.NAMESPACE) {
          contactRecordsHeld++;
        }
      }
      byte[] everything = bytes.toByteArray();
      for (Identity id : publishers) {
        assertNoTrace(everything, id.publicKey(), "node " + i + " / identity " + id.printed());
        assertNoTrace(everything, id.nodeId().toBytes(), "node " + i + " / node id of " + id.printed());
        assertNoTrace(everything, X25519Keys.publicKeyFromEd25519(id.publicKey()), "node " + i + " / X25519 of " + id.printed());
        assertNoText(everything, id.printed(), "node " + i);
      }
    }
    assertTrue(contactRecordsHeld >= 4 * 3, "the scan saw the records: " + contactRecordsHeld);
  }

  /** Neither the raw bytes (nor any 8-byte piece of them) nor any common text encoding appear. */
  static void assertNoTrace(byte[] haystack, byte[] secret, String where) {
    for (int off = 0; off + 8 <= secret.length; off++) {
      byte[] piece = java.util.Arrays.copyOfRange(secret, off, off + 8);
      assertFalse(indexOf(haystack, piece) >= 0, where + ": 8 bytes at offset " + off + " of the key appear");
    }
    String hex = HexFormat.of().formatHex(secret);
    assertNoText(haystack, hex, where + " (hex)");
    assertNoText(haystack, base32(secret), where + " (base32)");
    assertNoText(haystack, Base64.getEncoder().withoutPadding().encodeToString(secret), where + " (base64)");
    assertNoText(haystack, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), where + " (base64url)");
  }

  static void assertNoText(byte[] haystack, String text, String where) {
    byte[] lower = new String(haystack, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
        .getBytes(StandardCharsets.ISO_8859_1);
    boolean caseMatters = !text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT));
    byte[] needle = (caseMatters ? text : text.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.ISO_8859_1);
    assertFalse(indexOf(caseMatters ? haystack : lower, needle) >= 0, where + ": '" + text + "' appears");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String base32(byte[] data) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        sb.append(alphabet.charAt((buffer >>> bits) & 31));
      }
    }
    if (bits > 0) {
      sb.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  @Test
  @Order(4)
  void eachResolveFailureHasItsOwnLineAndExitCode() throws Exception {
    String publisher = printed(PUBLISHER);

    Run typo = resolveAsClient(mistype(publisher));
    assertEquals(2, typo.exit());
    assertEquals(List.of("switchboard resolve: invalid id: checksum mismatch: the id is mistyped"),
        typo.err().strip().lines().toList());
    assertEquals(2, resolveThroughNode(STRANGER, "not-an-id").exit());

    String stranger = Identity.generate(new SplittableRandom(77)).printed();
    Run unknown = resolveAsClient(stranger);
    assertEquals(ExitCode.NOT_FOUND.code(), unknown.exit(), unknown.err());
    assertTrue(unknown.err().contains("switchboard resolve: unknown id: no contact record found for " + stranger), unknown.err());
    Run unknownJson = resolveThroughNode(STRANGER, stranger, "--json");
    assertEquals(ExitCode.NOT_FOUND.code(), unknownJson.exit());
    assertEquals("not_found", unknownJson.json().getJsonObject("error").getString("code"));
    assertEquals(ExitCode.NOT_FOUND.code(), unknownJson.json().getJsonObject("error").getInteger("exit"));

    // an expired record (a resolver whose clock runs ahead) is ContactResolverTest's and the exit-code table's:
    // the command has no clock switch

    Identity buggy = Identity.generate(new SplittableRandom(78));
    DhtRecord forged = ContactForgery.undecryptable(buggy, ContactPeriods.defaults(), System.currentTimeMillis(), DhtConfig.HOUR);
    assertTrue(node(5).callAsync(d -> d.put(forged)).get(10, TimeUnit.SECONDS).stored() >= 2);
    Run forgedRun = resolveThroughNode(STRANGER, buggy.printed());
    assertEquals(ExitCode.FORGED.code(), forgedRun.exit(), forgedRun.err());
    assertTrue(forgedRun.err().contains("forged record: a record under " + buggy.printed()), forgedRun.err());

    Path empty = Files.createDirectories(root.resolve("no-node"));
    Run noNode = cli("resolve", publisher, "--data-dir", empty.toString());
    assertEquals(1, noNode.exit());
    assertTrue(noNode.err().contains("no local node"), noNode.err());
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    AdminPortFile.write(empty, closedPort);
    Run stale = cli("resolve", publisher, "--data-dir", empty.toString(), "--json");
    assertEquals(1, stale.exit());
    assertTrue(stale.err().contains("no node answers on admin port"), stale.err());
    assertEquals("failed", stale.json().getJsonObject("error").getString("code"));
  }

  @Test
  @Order(5)
  void restrictedRecordsOpenOnlyForContactsAndFollowTheContactsFile() throws Exception {
    String restricted = printed(RESTRICTED);
    String routes = new JsonArray().add(node(RESTRICTED).identity().nodeId().toHex()).encode();
    Run before = resolveThroughNode(FRIEND, restricted);
    assertEquals(ExitCode.NOT_ALLOWED.code(), before.exit(), "an empty allow list lets nobody in: " + before.err());
    assertTrue(before.err().contains("not allowed: " + restricted), before.err());

    Run add = cli("contacts", "add", printed(FRIEND), "--name", "friend", "--data-dir", dataDir(RESTRICTED).toString());
    assertEquals(0, add.exit(), add.err());
    assertTrue(add.err().contains("reloaded its contacts and republished"), add.err());

    await().atMost(Duration.ofSeconds(15)).until(() -> resolveThroughNode(FRIEND, restricted).exit() == 0);
    Run friend = resolveThroughNode(FRIEND, restricted, "--json");
    assertEquals(routes, friend.json().getJsonArray("routes").encode());
    Run strangerNode = resolveThroughNode(STRANGER, restricted, "--json");
    assertEquals(ExitCode.NOT_ALLOWED.code(), strangerNode.exit());
    assertEquals("not_allowed", strangerNode.json().getJsonObject("error").getString("code"));
    Run client = resolveAsClient(restricted);
    assertEquals(ExitCode.NOT_ALLOWED.code(), client.exit(), "a throwaway identity is on nobody's list: " + client.err());
    assertTrue(contactRecordStatus(RESTRICTED).getBoolean("restricted"));

    // the node notices a change made behind its back (no reload request) and republishes
    ContactsFile.in(dataDir(RESTRICTED)).save(ContactBook.empty());
    await().atMost(Duration.ofSeconds(15)).until(() -> resolveThroughNode(FRIEND, restricted).exit() == ExitCode.NOT_ALLOWED.code());
    assertEquals(0, new JsonObject(body("GET", RESTRICTED, "/contacts")).getJsonArray("contacts").size());
  }

  @Test
  @Order(6)
  void holderAuditShowsTheDropAfterTheClosestHoldersDieThenRepublishesSoAThirdNodeResolves() throws Exception {
    JsonObject first = new JsonObject(body("POST", PUBLISHER, "/contacts/audit"));
    assertEquals(DHT.k(), first.getInteger("k"));
    assertTrue(first.getInteger("holders") >= first.getInteger("asked"), first.encode());
    assertEquals(DHT.k() / 2, first.getInteger("threshold"), first.encode());
    assertTrue(first.getBoolean("audit_is_current"));
    assertNotNull(first.getString("last_audit"));
    assertEquals(first, contactRecordStatus(PUBLISHER), "GET /status shows the same");
    long seq = first.getLong("seq");
    Id256 key = Id256.fromHex(first.getJsonArray("storage_keys_published").getString(0));

    List<Integer> victims = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      if (i != PUBLISHER) {
        victims.add(i);
      }
    }
    victims.sort(Comparator.comparing(i -> node(i).identity().nodeId(), key::compareDistance));
    victims = victims.subList(0, DHT.k());
    for (int v : victims) {
      net.kill(v);
    }

    JsonObject dropped = new JsonObject(body("POST", PUBLISHER, "/contacts/audit"));
    assertTrue(dropped.getInteger("holders") < dropped.getInteger("threshold"), dropped.encode());
    assertEquals(seq, dropped.getLong("audited_seq"));
    assertEquals(1, dropped.getLong("republishes_after_audit"));
    assertTrue(dropped.getLong("seq") > seq, "republished at once with a new seq");

    await().atMost(Duration.ofSeconds(20)).until(() -> {
      JsonObject a = new JsonObject(body("POST", PUBLISHER, "/contacts/audit"));
      return a.getBoolean("audit_is_current") && a.getInteger("holders") >= a.getInteger("threshold");
    });
    JsonObject recovered = contactRecordStatus(PUBLISHER);
    assertTrue(recovered.getLong("republishes_after_audit") >= 1);
    assertEquals(DHT.k(), recovered.getInteger("expected_holders"));

    int third = 0;
    while (victims.contains(third) || third == PUBLISHER) {
      third++;
    }
    // A short-lived client learns the network only from its bootstrap node. With k=4 the
    // bootstrap's k closest entries to the key can be exactly the holders just killed, and a
    // node learns a peer is dead only when its own requests to it fail: let it look the key up
    // until it has dropped them, as it would in the course of its own traffic.
    int via = third;
    List<Id256> dead = victims.stream().map(i -> node(i).identity().nodeId()).toList();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> node(via).call(d -> {
      d.findNode(key);
      return d.routingSnapshot().stream().noneMatch(c -> dead.contains(c.id()));
    }).get(5, TimeUnit.SECONDS));
    Run r = resolveAsClientVia(third, printed(PUBLISHER), "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(recovered.getLong("seq"), r.json().getLong("seq"));
  }
}
