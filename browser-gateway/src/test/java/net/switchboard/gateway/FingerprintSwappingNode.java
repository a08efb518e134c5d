package net.switchboard.gateway;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.route.RouteHandler;
import net.switchboard.dht.route.RouteReply;
import net.switchboard.signaling.e2e.SignalingEnvelope;

/**
 * A malicious gateway node, for tests: the gateway server runs unchanged on top of it, but every
 * signaling envelope it routes between two pages it knows is dropped and replaced by forged ones
 * (see {@link Forgery}): the recipient gets an offer claiming to come from the sender, the sender an
 * answer claiming to come from the recipient, both carrying the attacker's DTLS fingerprint and
 * signed with the attacker's key (it cannot sign as either page). Pages must refuse both.
 *
 * <p>This is what an operator who controls a gateway's node can do to the traffic that crosses it;
 * the production gateway has no switch for it.
 */
final class FingerprintSwappingNode implements GatewayNode {
  private final GatewayNode honest;
  private final Identity attacker = Identity.generate(new SecureRandom());
  /** Page identity keys by the recipient hash an envelope header carries. */
  private final Map<Id256, byte[]> pages = new ConcurrentHashMap<>();

  FingerprintSwappingNode(GatewayNode honest) {
    this.honest = honest;
  }

  /** Tells the attacker a page's identity key (it reads them off the record or the login in real life). */
  void knowPage(byte[] identityPublicKey) {
    pages.put(Id256.of(Identity.sha256(identityPublicKey)), identityPublicKey.clone());
  }

  @Override
  public CompletableFuture<RouteReply> route(Id256 target, byte[] payload) {
    byte[] recipient = SignalingEnvelope.looksLikeEnvelope(payload) && payload.length >= 34
        ? pages.get(Id256.read(payload, 2)) : null;
    byte[] sender = recipient == null ? null : otherPage(recipient);
    if (sender == null) {
      return honest.route(target, payload);
    }
    long now = honest.nowMillis();
    byte[] answerRoute = honest.nodeId().toBytes();
    honest.route(target, Forgery.envelope(attacker, sender, recipient, now, Forgery.callMessage(true, answerRoute)));
    honest.route(honest.nodeId(), Forgery.envelope(attacker, recipient, sender, now, Forgery.callMessage(false, answerRoute)));
    return CompletableFuture.completedFuture(new RouteReply(new byte[0], 1));
  }

  private byte[] otherPage(byte[] recipient) {
    for (byte[] pk : pages.values()) {
      if (!java.util.Arrays.equals(pk, recipient)) {
        return pk;
      }
    }
    return null;
  }

  @Override
  public Id256 nodeId() {
    return honest.nodeId();
  }

  @Override
  public long nowMillis() {
    return honest.nowMillis();
  }

  @Override
  public CompletableFuture<PutResult> put(DhtRecord record) {
    return honest.put(record);
  }

  @Override
  public void unpublish(byte namespace, Id256 key) {
    honest.unpublish(namespace, key);
  }

  @Override
  public CompletableFuture<GetResult> get(Id256 key, byte namespace) {
    return honest.get(key, namespace);
  }

  @Override
  public void setRouteHandler(RouteHandler handler) {
    honest.setRouteHandler(handler);
  }

  @Override
  public void chainRouteHandler(UnaryOperator<RouteHandler> wrap) {
    honest.chainRouteHandler(wrap);
  }

  @Override
  public void execute(Runnable task) {
    honest.execute(task);
  }
}
