package net.switchboard.overlay.transport;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.Inbound;
import net.switchboard.signaling.transport.SignalingTransport;
import net.switchboard.signaling.transport.TransportException;

/**
 * The {@code direct} signaling transport: an envelope goes straight to one of the contact's {@link
 * DirectEndpoint}s over a short TCP connection.
 *
 * <p>Why TCP next to the node's UDP socket rather than on it: an envelope carrying an SDP is 2-6 KB
 * and may be up to 64 KiB, more than one datagram of the node ({@value
 * net.switchboard.overlay.runtime.VertxUdpTransport#MAX_DATAGRAM_BYTES} bytes), and the UDP
 * socket's receiver is the DHT wire codec; a stream gives framing, reliable delivery and an
 * acknowledgement in one round trip with nothing added to the DHT. The endpoint listens on the same
 * port number as the node's UDP socket (TCP and UDP ports are separate spaces), so one {@code
 * host:port} in a contact record names both.
 *
 * <p>Wire: the sender writes {@code u32 length || envelope}; the receiver answers the single byte
 * {@code 0x06} only if it acknowledges (see {@link Inbound#acknowledge}); a receiver that does not
 * want the sender to know leaves the connection silent until the sender times out, exactly like an
 * unreachable one.
 */
public final class DirectTransport implements SignalingTransport {
  /** The acknowledgement byte. */
  static final byte ACK = 0x06;
  /** How long a sender waits for the acknowledgement. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
  private static final long IDLE_CLOSE_MILLIS = 30_000;

  private final Vertx vertx;
  private final NetClient client;
  private final long timeoutMillis;
  private volatile NetServer server;
  private volatile Consumer<Inbound> receiver = in -> {};
  private final LongAdder received = new LongAdder();
  private final LongAdder malformed = new LongAdder();

  private DirectTransport(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
        .setTcpNoDelay(true));
  }

  /** A transport that can only send (a short-lived client). */
  public static DirectTransport sendOnly(Vertx vertx) {
    return new DirectTransport(vertx, DEFAULT_TIMEOUT_MILLIS);
  }

  /** Sends, and receives on {@code host:port} (port 0: any free port). */
  public static CompletableFuture<DirectTransport> listen(Vertx vertx, String host, int port) {
    return listen(vertx, host, port, DEFAULT_TIMEOUT_MILLIS);
  }

  /** As {@link #listen(Vertx, String, int)} with a send timeout. */
  public static CompletableFuture<DirectTransport> listen(Vertx vertx, String host, int port, long timeoutMillis) {
    DirectTransport t = new DirectTransport(vertx, timeoutMillis);
    NetServer s = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true));
    s.connectHandler(t::accept);
    return s.listen(port, host).toCompletionStage().toCompletableFuture().thenApply(bound -> {
      t.server = bound;
      return t;
    });
  }

  /** The TCP port received on, or -1 when send-only. */
  public int port() {
    NetServer s = server;
    return s == null ? -1 : s.actualPort();
  }

  @Override
  public ContactTransport kind() {
    return ContactTransport.DIRECT;
  }

  @Override
  public boolean canReach(ContactAddress to) {
    return !to.endpoints().isEmpty();
  }

  @Override
  public CompletableFuture<Void> send(ContactAddress to, byte[] envelope) {
    if (envelope.length > SignalingEnvelope.MAX_ENVELOPE_BYTES) {
      return CompletableFuture.failedFuture(TransportException.tooLarge(envelope.length));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    tryEndpoint(to.endpoints(), 0, envelope, null, done);
    return done;
  }

  private void tryEndpoint(List<DirectEndpoint> endpoints, int index, byte[] envelope, Throwable last,
      CompletableFuture<Void> done) {
    if (index >= endpoints.size()) {
      done.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
          "no direct endpoint acknowledged", last));
      return;
    }
    sendTo(endpoints.get(index), envelope).whenComplete((ok, error) -> {
      if (error == null) {
        done.complete(null);
      } else {
        tryEndpoint(endpoints, index + 1, envelope, error, done);
      }
    });
  }

  private CompletableFuture<Void> sendTo(DirectEndpoint to, byte[] envelope) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    try {
      client.connect(to.port(), to.host()).onComplete(ar -> {
        if (ar.failed()) {
          acked.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
              "cannot connect to " + to + ": " + ar.cause().getMessage()));
          return;
        }
        NetSocket socket = ar.result();
        long timer = vertx.setTimer(timeoutMillis, id -> {
          acked.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
              "no acknowledgement from " + to + " in " + timeoutMillis + " ms"));
          socket.close();
        });
        socket.handler(data -> {
          if (data.length() > 0 && data.getByte(0) == ACK) {
            vertx.cancelTimer(timer);
            acked.complete(null);
            socket.close();
          }
        });
        socket.closeHandler(v -> {
          vertx.cancelTimer(timer);
          acked.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
              to + " closed without acknowledging"));
        });
        socket.write(Buffer.buffer(4 + envelope.length).appendInt(envelope.length).appendBytes(envelope));
      });
    } catch (RuntimeException e) {
      acked.completeExceptionally(e);
    }
    return acked;
  }

  private void accept(NetSocket socket) {
    long idle = vertx.setTimer(IDLE_CLOSE_MILLIS, id -> socket.close());
    socket.closeHandler(v -> vertx.cancelTimer(idle));
    RecordParser parser = RecordParser.newFixed(4);
    int[] expected = {-1};
    parser.handler(frame -> {
      if (expected[0] < 0) {
        int length = frame.getInt(0);
        if (length <= 0 || length > SignalingEnvelope.MAX_ENVELOPE_BYTES) {
          malformed.increment();
          socket.close();
          return;
        }
        expected[0] = length;
        parser.fixedSizeMode(length);
      } else {
        byte[] envelope = frame.getBytes();
        expected[0] = -1;
        parser.fixedSizeMode(4);
        received.increment();
        deliver(socket, envelope);
      }
    });
    socket.handler(parser);
  }

  private void deliver(NetSocket socket, byte[] envelope) {
    AtomicBoolean acked = new AtomicBoolean();
    try {
      receiver.accept(new Inbound() {
        @Override
        public byte[] envelope() {
          return envelope;
        }

        @Override
        public String transport() {
          return name();
        }

        @Override
        public void acknowledge() {
          if (acked.compareAndSet(false, true)) {
            socket.write(Buffer.buffer(new byte[] {ACK}));
          }
        }
      });
    } catch (RuntimeException e) {
      malformed.increment();
    }
  }

  @Override
  public void onReceive(Consumer<Inbound> receiver) {
    this.receiver = receiver;
  }

  /** Envelopes received, and connections dropped for a bad frame. */
  public long received() {
    return received.sum();
  }

  public long malformed() {
    return malformed.sum();
  }

  /** Stops listening and sending. */
  public CompletableFuture<Void> close() {
    NetServer s = server;
    CompletableFuture<Void> c = client.close().toCompletionStage().toCompletableFuture();
    if (s == null) {
      return c;
    }
    return CompletableFuture.allOf(c, s.close().toCompletionStage().toCompletableFuture());
  }
}
