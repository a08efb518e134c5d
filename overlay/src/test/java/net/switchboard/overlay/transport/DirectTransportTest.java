package net.switchboard.overlay.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.Inbound;
import net.switchboard.signaling.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct transport over real loopback TCP. */
class DirectTransportTest {
  Vertx vertx;
  final SplittableRandom random = new SplittableRandom(3);

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static ContactAddress at(Identity id, int... ports) {
    List<DirectEndpoint> eps = new java.util.ArrayList<>();
    for (int p : ports) {
      eps.add(new DirectEndpoint("127.0.0.1", p));
    }
    return ContactAddress.of(id.publicKey(), new Reachability(List.of(), eps,
        EnumSet.of(ContactTransport.DIRECT), EnumSet.allOf(MediaCapability.class)));
  }

  @Test
  void anEnvelopeArrivesWholeAndTheAcknowledgementCompletesTheSend() throws Exception {
    DirectTransport bob = DirectTransport.listen(vertx, "127.0.0.1", 0).get(5, TimeUnit.SECONDS);
    DirectTransport alice = DirectTransport.sendOnly(vertx);
    List<byte[]> got = new CopyOnWriteArrayList<>();
    bob.onReceive(in -> {
      got.add(in.envelope());
      in.acknowledge();
      in.acknowledge(); // only the first counts
    });
    byte[] big = new byte[60_000];
    random.nextBytes(big);
    big[0] = 1;
    Identity bobId = Identity.generate(random);
    // the first endpoint is dead: the transport falls back to the next
    int dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    alice.send(at(bobId, dead, bob.port()), big).get(10, TimeUnit.SECONDS);
    assertEquals(1, got.size());
    assertArrayEquals(big, got.get(0));
    assertTrue(alice.canReach(at(bobId, 1)));
  }

  @Test
  void aReceiverThatDoesNotAcknowledgeLooksUnreachable() throws Exception {
    DirectTransport bob = DirectTransport.listen(vertx, "127.0.0.1", 0, 500).get(5, TimeUnit.SECONDS);
    List<Inbound> silent = new CopyOnWriteArrayList<>();
    bob.onReceive(silent::add);
    DirectTransport alice = DirectTransport.listen(vertx, "127.0.0.1", 0, 500).get(5, TimeUnit.SECONDS);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> alice.send(at(Identity.generate(random), bob.port()), new byte[] {1, 1, 7}).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof TransportException, e.toString());
    assertEquals(1, silent.size());
  }
}
