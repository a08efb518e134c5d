package net.switchboard.signaling.transport;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import net.switchboard.signaling.contact.ContactTransport;

/**
 * One way of carrying signaling envelopes between identities. Envelopes are already encrypted and
 * signed end to end; a transport only moves bytes and reports delivery.
 *
 * <p>Implementations: {@link OverlayTransport} (routed through the DHT, the default); {@code
 * LoopbackNetwork} (in memory, test sources only). Real-I/O transports live outside the pure core: {@code direct}
 * (UDP/stream to a {@link net.switchboard.signaling.contact.DirectEndpoint}, overlay module),
 * {@code peerjs} (a PeerJS server: WebSocket {@code /peerjs?key=K&id=ID&token=T}, the envelope as
 * the base64 {@code payload} of an {@code OFFER} message, see {@link PeerJsMessage}) and {@code
 * gateway} (browser WebSocket, browser-gateway module).
 *
 * <p>Threading: {@link #send} may be called only on the node's thread; its future and the receiver
 * may complete or run on any thread: the call layer moves back to its {@link
 * net.switchboard.seam.Scheduler}.
 */
public interface SignalingTransport {

  /** Which record flag this transport serves. */
  ContactTransport kind();

  /** Lowercase name, as in logs and metrics ({@code overlay}, {@code direct}, ...). */
  default String name() {
    return kind().name().toLowerCase(Locale.ROOT);
  }

  /** True when {@code to}'s record gives this transport somewhere to send (a route, an endpoint, ...). */
  boolean canReach(ContactAddress to);

  /**
   * Delivers {@code envelope} to {@code to}. Completes when the far end acknowledged it; fails with
   * {@link TransportException} (or the underlying cause) otherwise. A refusing receiver and an
   * unreachable one fail the same way.
   */
  CompletableFuture<Void> send(ContactAddress to, byte[] envelope);

  /** Installs the receiver of inbound envelopes (replaces any earlier one). */
  void onReceive(Consumer<Inbound> receiver);
}
