package net.switchboard.overlay.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.Inbound;
import net.switchboard.signaling.transport.PeerJsMessage;
import net.switchboard.signaling.transport.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PeerJS adapter against the real PeerJS server (npm {@code peer}), started by the test. */
class PeerJsTransportTest {
  static PeerJsServer server;
  static Vertx vertx;
  final SplittableRandom random = new SplittableRandom(7);
  final List<PeerJsTransport> clients = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = PeerJsServer.start(1_500);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void closeClients() throws Exception {
    for (PeerJsTransport c : clients) {
      c.close().get(10, TimeUnit.SECONDS);
    }
  }

  PeerJsTransport client(Identity id, long timeoutMillis) throws Exception {
    PeerJsTransport t = PeerJsTransport.connect(vertx, server.url(), PeerJsTransport.DEFAULT_KEY, id.publicKey(),
        new SecureRandom(), timeoutMillis).get(15, TimeUnit.SECONDS);
    clients.add(t);
    return t;
  }

  static ContactAddress viaPeerJs(Identity id) {
    return ContactAddress.of(id.publicKey(), new Reachability(List.of(id.nodeId()), List.of(),
        EnumSet.of(ContactTransport.PEERJS), EnumSet.allOf(MediaCapability.class)));
  }

  byte[] envelope(Identity from, Identity to, String text) {
    return SignalingEnvelope.seal(from, to.publicKey(), System.currentTimeMillis(),
        SignalingEnvelope.newMessageId(random), text.getBytes(java.nio.charset.StandardCharsets.UTF_8), random);
  }

  @Test
  void twoClientsExchangeAcknowledgedEnvelopesThroughTheServer() throws Exception {
    Identity alice = Identity.generate(random);
    Identity bob = Identity.generate(random);
    PeerJsTransport a = client(alice, 5_000);
    PeerJsTransport b = client(bob, 5_000);
    assertEquals(PeerJsMessage.peerIdOf(bob.publicKey()), b.peerId());
    List<byte[]> atBob = new CopyOnWriteArrayList<>();
    List<byte[]> atAlice = new CopyOnWriteArrayList<>();
    b.onReceive(in -> {
      assertEquals("peerjs", in.transport());
      atBob.add(in.envelope());
      in.acknowledge();
    });
    a.onReceive(in -> {
      atAlice.add(in.envelope());
      in.acknowledge();
    });

    byte[] ring = envelope(alice, bob, "ring ".repeat(1200)); // ~6 KB, like an SDP with audio, video, data
    a.send(viaPeerJs(bob), ring).get(10, TimeUnit.SECONDS);
    assertEquals(1, atBob.size());
    assertArrayEquals(ring, atBob.get(0));

    byte[] answer = envelope(bob, alice, "accept");
    b.send(viaPeerJs(alice), answer).get(10, TimeUnit.SECONDS);
    assertArrayEquals(answer, atAlice.get(0));

    // many in flight at once, each acknowledged on its own
    List<CompletableFuture<Void>> sends = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(a.send(viaPeerJs(bob), envelope(alice, bob, "ice " + i)));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertEquals(21, atBob.size());
  }

  @Test
  void anUnacknowledgedEnvelopeFailsLikeAnUnreachableOne() throws Exception {
    Identity alice = Identity.generate(random);
    Identity bob = Identity.generate(random);
    PeerJsTransport a = client(alice, 1_000);
    PeerJsTransport b = client(bob, 1_000);
    List<Inbound> silent = new CopyOnWriteArrayList<>();
    b.onReceive(silent::add); // received, never acknowledged (a refusing callee)
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> a.send(viaPeerJs(bob), envelope(alice, bob, "ring")).get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause() instanceof TransportException, refused.toString());
    assertEquals(1, silent.size());
  }

  @Test
  void anOfflineContactFailsWhenTheServerExpiresTheMessage() throws Exception {
    Identity alice = Identity.generate(random);
    Identity nobody = Identity.generate(random);
    PeerJsTransport a = client(alice, 20_000); // the server's EXPIRE (1.5 s) ends it long before the timeout
    long t0 = System.nanoTime();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> a.send(viaPeerJs(nobody), envelope(alice, nobody, "ring")).get(15, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof TransportException, e.toString());
    assertTrue(e.getCause().getMessage().contains("EXPIRE"), e.getCause().getMessage());
    assertTrue((System.nanoTime() - t0) / 1e6 < 15_000);
  }

  @Test
  void theServerRefusesASecondClientWithTheSameIdAndAWrongKey() throws Exception {
    Identity alice = Identity.generate(random);
    client(alice, 1_000);
    ExecutionException taken = assertThrows(ExecutionException.class,
        () -> PeerJsTransport.connect(vertx, server.url(), PeerJsTransport.DEFAULT_KEY, alice.publicKey(),
            new SecureRandom()).get(15, TimeUnit.SECONDS));
    assertTrue(taken.getCause().getMessage().contains("refused"), taken.getCause().getMessage());
    ExecutionException badKey = assertThrows(ExecutionException.class,
        () -> PeerJsTransport.connect(vertx, server.url(), "not-the-key", Identity.generate(random).publicKey(),
            new SecureRandom()).get(15, TimeUnit.SECONDS));
    assertTrue(badKey.getCause().getMessage().contains("refused"), badKey.getCause().getMessage());
  }
}
