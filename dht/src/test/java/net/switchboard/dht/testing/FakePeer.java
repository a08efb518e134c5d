package net.switchboard.dht.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import net.switchboard.netsim.network.SimTransport;
import net.switchboard.seam.Endpoint;
import net.switchboard.dht.wire.Envelope;
import net.switchboard.dht.wire.MalformedMessageException;
import net.switchboard.dht.wire.WireCodec;

/**
 * A scripted peer on a {@link Testnet}: it decodes what arrives, records it, and answers
 * with whatever its behaviour returns (null: silence), from its own port or from another one.
 * For tests of how a node treats liars, forgers and spoofers.
 */
public final class FakePeer {
  private final SimTransport port;
  private SimTransport replyPort;
  private BiFunction<Endpoint, Envelope, Envelope> behaviour = (from, m) -> null;
  public final List<Envelope> received = new ArrayList<>();

  public FakePeer(Testnet net) {
    this.port = net.port();
    this.replyPort = port;
    port.setReceiver((from, data) -> {
      Envelope m;
      try {
        m = WireCodec.decode(data);
      } catch (MalformedMessageException e) {
        return;
      }
      received.add(m);
      Envelope reply = behaviour.apply(from, m);
      if (reply != null) {
        replyPort.send(from, WireCodec.encode(reply));
      }
    });
  }

  public Endpoint endpoint() {
    return port.localEndpoint();
  }

  /** How to answer each message: (sender endpoint, message) to reply, or null. */
  public FakePeer answering(BiFunction<Endpoint, Envelope, Envelope> behaviour) {
    this.behaviour = behaviour;
    return this;
  }

  /** Sends replies from {@code other} instead of the port the requests arrive on. */
  public FakePeer replyingFrom(SimTransport other) {
    this.replyPort = other;
    return this;
  }

  /** Sends a message to {@code to} from this peer's port. */
  public void send(Endpoint to, Envelope m) {
    port.send(to, WireCodec.encode(m));
  }

  /** Received messages of one type. */
  public long count(net.switchboard.dht.wire.MessageType type) {
    return received.stream().filter(m -> m.type() == type).count();
  }
}
