package net.switchboard.signaling.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.route.RoutedMessage;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.e2e.SignalingEnvelope;

/**
 * Signaling routed hop by hop through the DHT to one of the contact's introduction routes (its own
 * node id for a Java node, its gateway for a browser), trying the routes in the record's order.
 * Delivery is acknowledged by the destination's (empty) route reply; a receiver that does not
 * acknowledge holds the reply forever, so the sender sees a route timeout, as for a dead node.
 */
public final class OverlayTransport implements SignalingTransport {
  private final OverlayRouter router;
  private final ContactTransport kind;
  private Consumer<Inbound> receiver = in -> {}; // set and read on the node's thread

  private OverlayTransport(OverlayRouter router, ContactTransport kind) {
    this.router = router;
    this.kind = kind;
  }

  /** The default transport, installed as the router's route handler. */
  public static OverlayTransport over(OverlayRouter router) {
    OverlayTransport t = new OverlayTransport(router, ContactTransport.OVERLAY);
    router.setRouteHandler(t::handle);
    return t;
  }

  /**
   * Same routing serving the {@code gateway} flag: routes to a browser's gateway node id. Does not
   * install a route handler (the {@link #over} instance on the same node receives).
   */
  public static OverlayTransport towardGateways(OverlayRouter router) {
    return new OverlayTransport(router, ContactTransport.GATEWAY);
  }

  @Override
  public ContactTransport kind() {
    return kind;
  }

  @Override
  public boolean canReach(ContactAddress to) {
    return !to.routes().isEmpty();
  }

  @Override
  public CompletableFuture<Void> send(ContactAddress to, byte[] envelope) {
    if (envelope.length > SignalingEnvelope.MAX_ENVELOPE_BYTES) {
      return CompletableFuture.failedFuture(TransportException.tooLarge(envelope.length));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    tryRoute(to.routes(), 0, envelope, null, done);
    return done;
  }

  private void tryRoute(List<Id256> routes, int index, byte[] envelope, Throwable last, CompletableFuture<Void> done) {
    if (index >= routes.size()) {
      done.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
          "no introduction route acknowledged", last));
      return;
    }
    router.route(routes.get(index), envelope).whenComplete((reply, error) -> {
      if (error == null) {
        done.complete(null);
      } else {
        tryRoute(routes, index + 1, envelope, error, done);
      }
    });
  }

  @Override
  public void onReceive(Consumer<Inbound> receiver) {
    this.receiver = receiver;
  }

  /**
   * Takes a routed message if it is a signaling envelope (returns true), leaving others to a
   * demultiplexer. The reply is held until the receiver acknowledges.
   */
  public boolean handle(RoutedMessage m) {
    byte[] payload = m.payload();
    if (!SignalingEnvelope.looksLikeEnvelope(payload)) {
      return false;
    }
    m.holdReply();
    receiver.accept(new Inbound() {
      @Override
      public byte[] envelope() {
        return payload;
      }

      @Override
      public String transport() {
        return name();
      }

      @Override
      public void acknowledge() {
        m.reply(new byte[0]);
      }
    });
    return true;
  }
}
