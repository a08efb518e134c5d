package net.switchboard.overlay.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.switchboard.seam.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VertxUdpTransportTest {
  record Received(Endpoint from, byte[] data, Context context) {}

  Vertx vertx;
  Context contextA;
  Context contextB;
  VertxUdpTransport a;
  VertxUdpTransport b;
  final List<Received> atB = new CopyOnWriteArrayList<>();

  @BeforeEach
  void bindTwoSockets() throws Exception {
    vertx = Vertx.vertx();
    contextA = NodeContexts.newEventLoopContext(vertx);
    contextB = NodeContexts.newEventLoopContext(vertx);
    a = VertxUdpTransport.bind(contextA, "127.0.0.1", 0).get(5, TimeUnit.SECONDS);
    b = VertxUdpTransport.bind(contextB, "127.0.0.1", 0).get(5, TimeUnit.SECONDS);
    b.setReceiver((from, data) -> atB.add(new Received(from, data, Vertx.currentContext())));
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void bindsAnEphemeralLoopbackPort() {
    assertEquals("127.0.0.1", a.localEndpoint().host());
    assertTrue(a.localEndpoint().port() > 0);
    assertTrue(a.readBufferTuned(), "per-read buffer should be sized on Vert.x 5.2");
  }

  @Test
  void deliversADatagramWithItsSenderOnTheReceiversContext() {
    a.send(b.localEndpoint(), new byte[] {1, 2, 3});

    await().atMost(Duration.ofSeconds(5)).until(() -> atB.size() == 1);
    Received r = atB.get(0);
    assertArrayEquals(new byte[] {1, 2, 3}, r.data());
    assertEquals(a.localEndpoint(), r.from());
    assertSame(contextB, r.context(), "datagrams must arrive on the node's own context");
    assertEquals(1, a.counters().sent());
    assertEquals(1, b.counters().received());
  }

  @Test
  void carriesTheLargestDatagramWhole() {
    byte[] big = new byte[VertxUdpTransport.MAX_DATAGRAM_BYTES];
    Arrays.fill(big, (byte) 7);
    big[big.length - 1] = 9;

    a.send(b.localEndpoint(), big);

    await().atMost(Duration.ofSeconds(5)).until(() -> atB.size() == 1);
    assertArrayEquals(big, atB.get(0).data());
  }

  @Test
  void refusesAnOversizeDatagramAndCountsIt() {
    a.send(b.localEndpoint(), new byte[VertxUdpTransport.MAX_DATAGRAM_BYTES + 1]);
    a.send(b.localEndpoint(), new byte[] {42});

    await().atMost(Duration.ofSeconds(5)).until(() -> atB.size() == 1);
    assertArrayEquals(new byte[] {42}, atB.get(0).data());
    assertEquals(1, a.counters().snapshot().get("udp_send_dropped_oversize"));
  }

  @Test
  void dropsAndCountsDatagramsBeforeAReceiverIsSet() throws Exception {
    VertxUdpTransport c = VertxUdpTransport.bind(contextA, "127.0.0.1", 0).get(5, TimeUnit.SECONDS);
    a.send(c.localEndpoint(), new byte[] {1});

    await().atMost(Duration.ofSeconds(5)).until(() -> c.counters().receivedDropped() == 1);
  }

  @Test
  void sendNeverThrowsEvenAfterClose() throws Exception {
    a.close().get(5, TimeUnit.SECONDS);

    assertDoesNotThrow(() -> a.send(b.localEndpoint(), new byte[] {1}));
    await().atMost(Duration.ofSeconds(5)).until(() -> a.counters().sendFailed() == 1);
  }

  @Test
  void nodesOfOneVertxSpreadOverItsEventLoops() {
    java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < 8; i++) {
      NodeContexts.newEventLoopContext(vertx).runOnContext(v -> {
        threads.add(Thread.currentThread());
        done.incrementAndGet();
      });
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == 8);
    assertTrue(threads.size() > 1, "8 node contexts all landed on one event loop");
  }
}
