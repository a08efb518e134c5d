package net.switchboard.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.rpc.IdProof;
import net.switchboard.seam.Endpoint;
import net.switchboard.dht.testing.FakePeer;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.dht.wire.Body;
import net.switchboard.dht.wire.Envelope;
import net.switchboard.dht.wire.Envelope.IdProofData;
import net.switchboard.dht.wire.MessageType;
import org.junit.jupiter.api.Test;

/**
 * Only peers that prove their id enter the routing table: forged proofs, answers from the wrong
 * endpoint and unproven requesters are kept out, dropped and counted. One real node against
 * scripted peers on the testnet.
 */
class IdProofNetworkTest {
  private final Testnet net = Testnet.empty(1);
  private final SplittableRandom random = new SplittableRandom(99);
  private final DhtNode node = new DhtNode(
      Identity.generate(random), net.port(), net.scheduler(), random.split(), DhtConfig.defaults(),
      Testnet.validators());
  private final Identity victim = Identity.generate(random);
  private final Identity mallory = Identity.generate(random);

  IdProofNetworkTest() {
    node.start();
  }

  private static byte[] proofInput(long requestId, Id256 requester, Id256 responder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("switchboard/v1/node-id-proof".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(ByteBuffer.allocate(8).putLong(requestId).array());
    out.writeBytes(requester.toBytes());
    out.writeBytes(responder.toBytes());
    return out.toByteArray();
  }

  /** A PONG from {@code sender} carrying {@code proof}, to a PING. */
  private static BiFunction<Endpoint, Envelope, Envelope> pong(Id256 sender, ProofMaker proof) {
    return (from, m) -> m.type() != MessageType.PING ? null
        : new Envelope(m.requestId(), sender, false, proof.make(m), new Body.Pong(from));
  }

  /** An honest peer: proves its id when asked and answers FIND_NODE with {@code contacts}. */
  private static BiFunction<Endpoint, Envelope, Envelope> honest(Identity self, List<Contact> contacts) {
    return (from, m) -> {
      IdProofData proof = m.proveRequested() ? IdProof.create(self, m.requestId(), m.sender()) : null;
      Body body = switch (m.type()) {
        case PING -> new Body.Pong(from);
        case FIND_NODE -> new Body.Nodes(contacts);
        default -> null;
      };
      return body == null ? null : new Envelope(m.requestId(), self.nodeId(), false, proof, body);
    };
  }

  interface ProofMaker {
    IdProofData make(Envelope request);
  }

  private void assertJoinFailsAndVictimStaysOut(FakePeer forger, String counter) {
    CompletableFuture<Integer> joined = node.join(List.of(forger.endpoint()));
    assertTrue(net.runUntil(joined::isDone, 30_000));
    assertTrue(joined.isCompletedExceptionally(), "no bootstrap node proved itself");
    assertEquals(2, forger.count(MessageType.PING), "asked once and retried once");
    assertFalse(node.routingTable().contains(victim.nodeId()));
    assertEquals(0, node.routingTableSize());
    assertEquals(2, node.metrics().get(counter), counter);
  }

  @Test
  void aPeerProvingWithAKeyThatDoesNotHashToItsIdNeverEntersTheTable() {
    FakePeer forger = new FakePeer(net).answering(pong(victim.nodeId(),
        m -> new IdProofData(mallory.publicKey(), mallory.sign(proofInput(m.requestId(), m.sender(), victim.nodeId())))));
    assertJoinFailsAndVictimStaysOut(forger, "dropped_bad_proof");
  }

  @Test
  void aPeerShowingTheVictimsKeyWithItsOwnSignatureNeverEntersTheTable() {
    FakePeer forger = new FakePeer(net).answering(pong(victim.nodeId(),
        m -> new IdProofData(victim.publicKey(), mallory.sign(proofInput(m.requestId(), m.sender(), victim.nodeId())))));
    assertJoinFailsAndVictimStaysOut(forger, "dropped_bad_proof");
  }

  @Test
  void aReplayedProofOfAnotherRequestNeverEntersTheTable() {
    FakePeer forger = new FakePeer(net).answering(pong(victim.nodeId(),
        m -> IdProof.create(victim, m.requestId() + 1, m.sender())));
    assertJoinFailsAndVictimStaysOut(forger, "dropped_bad_proof");
  }

  @Test
  void aProofMadeForAnotherRequesterNeverEntersTheTable() {
    FakePeer forger = new FakePeer(net).answering(pong(victim.nodeId(),
        m -> IdProof.create(victim, m.requestId(), mallory.nodeId())));
    assertJoinFailsAndVictimStaysOut(forger, "dropped_bad_proof");
  }

  @Test
  void aContactListedByAnHonestPeerEntersOnlyIfItProvesItself() {
    Identity honestId = Identity.generate(random);
    FakePeer forger = new FakePeer(net).answering((from, m) -> new Envelope(m.requestId(), victim.nodeId(), false,
        new IdProofData(mallory.publicKey(), mallory.sign(proofInput(m.requestId(), m.sender(), victim.nodeId()))),
        m.type() == MessageType.FIND_NODE ? new Body.Nodes(List.of()) : new Body.Pong(from)));
    FakePeer honest = new FakePeer(net);
    honest.answering(honest(honestId, List.of(new Contact(victim.nodeId(), forger.endpoint()))));

    CompletableFuture<Integer> joined = node.join(List.of(honest.endpoint()));
    assertTrue(net.runUntil(joined::isDone, 120_000));
    assertFalse(joined.isCompletedExceptionally());
    assertTrue(node.routingTable().contains(honestId.nodeId()), "the honest peer proved itself");
    assertTrue(forger.count(MessageType.FIND_NODE) > 0, "the lookup did ask the listed contact");
    assertFalse(node.routingTable().contains(victim.nodeId()), "the forger's claimed id stayed out");
    assertTrue(node.metrics().get("dropped_bad_proof") >= 2);
  }

  @Test
  void aResponseFromAnotherEndpointThanTheOneAskedIsDroppedAndCounted() {
    Identity genuine = Identity.generate(random);
    FakePeer spoofer = new FakePeer(net).replyingFrom(net.port());
    spoofer.answering(honest(genuine, List.of()));
    CompletableFuture<Integer> joined = node.join(List.of(spoofer.endpoint()));
    assertTrue(net.runUntil(joined::isDone, 30_000));
    assertTrue(joined.isCompletedExceptionally());
    assertEquals(2, node.metrics().get("dropped_unsolicited"), "both attempts' answers came from elsewhere");
    assertEquals(0, node.metrics().get("dropped_bad_proof"), "the proof itself was fine");
    assertFalse(node.routingTable().contains(genuine.nodeId()));
  }

  @Test
  void aResponseToNoPendingRequestIsDroppedAndCounted() {
    Identity genuine = Identity.generate(random);
    FakePeer stranger = new FakePeer(net);
    stranger.send(node.endpoint(), new Envelope(42, genuine.nodeId(), false, IdProof.create(genuine, 42, node.id()),
        new Body.Pong(node.endpoint())));
    net.advance(1_000);
    assertEquals(1, node.metrics().get("dropped_unsolicited"));
    assertEquals(0, node.routingTableSize());
  }

  @Test
  void anUnprovenRequesterEntersTheTableOnlyAfterProvingItselfToThePingBack() {
    Identity peerId = Identity.generate(random);
    FakePeer peer = new FakePeer(net); // at first it ignores the ping-back
    peer.send(node.endpoint(), new Envelope(1, peerId.nodeId(), false, null, new Body.FindNode(peerId.nodeId())));
    net.advance(10_000);
    assertEquals(1, peer.count(MessageType.NODES), "the request was answered all the same");
    assertEquals(2, peer.count(MessageType.PING), "the node pinged back (and retried)");
    assertTrue(peer.received.stream().filter(m -> m.type() == MessageType.PING).allMatch(Envelope::proveRequested),
        "the ping-back demands an id proof");
    assertFalse(node.routingTable().contains(peerId.nodeId()), "unproven: kept out");

    peer.answering(honest(peerId, List.of()));
    peer.send(node.endpoint(), new Envelope(2, peerId.nodeId(), false, null, new Body.FindNode(peerId.nodeId())));
    net.advance(10_000);
    Contact added = node.routingTable().find(peerId.nodeId());
    assertEquals(new Contact(peerId.nodeId(), peer.endpoint()), added, "proven through the ping-back: added");
  }

  @Test
  void aRequesterClaimingSomeoneElsesIdIsKeptOutEvenIfItProvesItsOwn() {
    Identity peerId = Identity.generate(random);
    FakePeer peer = new FakePeer(net).answering(honest(peerId, List.of()));
    peer.send(node.endpoint(), new Envelope(1, victim.nodeId(), false, null, new Body.Ping()));
    net.advance(10_000);
    assertEquals(1, peer.count(MessageType.PING), "pinged back once");
    assertEquals(1, node.metrics().get("rpc_wrong_identity"));
    assertFalse(node.routingTable().contains(victim.nodeId()));
    assertFalse(node.routingTable().contains(peerId.nodeId()), "a liar is not added under its real id either");
  }
}
