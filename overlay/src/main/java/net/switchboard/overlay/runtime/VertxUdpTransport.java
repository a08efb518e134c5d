package net.switchboard.overlay.runtime;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.SocketAddressImpl;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Transport;

/**
 * The production {@link Transport}: one Vert.x UDP socket, created on the node's context so that
 * every datagram is delivered on the node's thread. Sending never throws; failures and every
 * dropped datagram are counted in {@link #counters()}.
 */
public final class VertxUdpTransport implements Transport {
  /** Largest datagram sent or accepted. */
  public static final int MAX_DATAGRAM_BYTES = 8192;
  /** Kernel send and receive buffer: room for bursts when hundreds of nodes share one host. */
  public static final int SOCKET_BUFFER_BYTES = 4 << 20;

  private final DatagramSocket socket;
  private final Endpoint local;
  private final TransportCounters counters = new TransportCounters();
  private final boolean readBufferTuned;
  private volatile Receiver receiver;

  private VertxUdpTransport(DatagramSocket socket, Endpoint local, boolean readBufferTuned) {
    this.socket = socket;
    this.local = local;
    this.readBufferTuned = readBufferTuned;
  }

  /**
   * Binds a UDP socket on {@code host:port} (port 0 picks a free port) owned by {@code context}.
   * Completes with the transport, or fails with the bind error (e.g. the port is in use).
   */
  public static CompletableFuture<VertxUdpTransport> bind(Context context, String host, int port) {
    CompletableFuture<VertxUdpTransport> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        boolean v6 = InetAddress.getByName(host).getAddress().length == 16;
        DatagramSocketOptions options = new DatagramSocketOptions()
            .setIpV6(v6)
            .setReceiveBufferSize(SOCKET_BUFFER_BYTES)
            .setSendBufferSize(SOCKET_BUFFER_BYTES);
        DatagramSocket socket = context.owner().createDatagramSocket(options);
        boolean tuned = DatagramReadBuffers.setReadBufferSize(socket, DatagramReadBuffers.READ_BUFFER_BYTES);
        socket.listen(port, host).onComplete(ar -> {
          if (ar.failed()) {
            done.completeExceptionally(ar.cause());
            return;
          }
          SocketAddress bound = socket.localAddress();
          Endpoint local = Endpoint.parse(bound.hostAddress() + ":" + bound.port());
          VertxUdpTransport t = new VertxUdpTransport(socket, local, tuned);
          socket.handler(t::onPacket);
          done.complete(t);
        });
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  private void onPacket(DatagramPacket packet) {
    Buffer data = packet.data();
    if (data.length() > MAX_DATAGRAM_BYTES) {
      counters.receivedDroppedOversize.increment();
      return;
    }
    Receiver r = receiver;
    if (r == null) {
      counters.receivedDroppedNoReceiver.increment();
      return;
    }
    Endpoint from = endpointOf(packet.sender());
    if (from == null) {
      counters.receivedDroppedBadSender.increment();
      return;
    }
    counters.received.increment();
    try {
      r.onDatagram(from, data.getBytes());
    } catch (RuntimeException e) {
      counters.receiverFailed.increment(); // the core should never throw; one bad packet must not kill the socket
    }
  }

  private static Endpoint endpointOf(SocketAddress sender) {
    try {
      InetAddress ip = sender instanceof SocketAddressImpl impl ? impl.ipAddress() : null;
      if (ip == null) {
        ip = InetAddress.getByName(sender.hostAddress()); // a literal: no name lookup
      }
      return Endpoint.of(ip.getAddress(), sender.port());
    } catch (Exception e) {
      return null;
    }
  }

  /** The address this socket is bound to (may be a wildcard address such as 0.0.0.0). */
  @Override
  public Endpoint localEndpoint() {
    return local;
  }

  /** Sends one datagram; a failure is counted, never thrown. */
  @Override
  public void send(Endpoint to, byte[] datagram) {
    if (datagram.length > MAX_DATAGRAM_BYTES) {
      counters.sendDroppedOversize.increment();
      return;
    }
    try {
      counters.sent.increment();
      socket.send(Buffer.buffer(datagram), to.port(), to.host()).onFailure(e -> counters.sendFailed.increment());
    } catch (RuntimeException e) {
      counters.sendFailed.increment();
    }
  }

  @Override
  public void setReceiver(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public int maxDatagramSize() {
    return MAX_DATAGRAM_BYTES;
  }

  /** Send, receive and drop counters. */
  public TransportCounters counters() {
    return counters;
  }

  /** False when the per-read buffer could not be sized (reads then use the kernel buffer size). */
  public boolean readBufferTuned() {
    return readBufferTuned;
  }

  /** Closes the socket; later sends are counted as failed. */
  public CompletableFuture<Void> close() {
    receiver = null;
    return socket.close().toCompletionStage().toCompletableFuture();
  }
}
