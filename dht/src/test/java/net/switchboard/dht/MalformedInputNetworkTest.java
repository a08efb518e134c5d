package net.switchboard.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.lookup.LookupOutcome;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;
import net.switchboard.netsim.network.SimTransport;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.dht.wire.Body;
import net.switchboard.dht.wire.Envelope;
import net.switchboard.dht.wire.MalformedMessageException;
import net.switchboard.dht.wire.WireCodec;
import net.switchboard.dht.wire.WireSamples;
import org.junit.jupiter.api.Test;

/**
 * A live node under a stream of garbage datagrams: nothing throws, every undecodable datagram is
 * dropped and counted, and afterwards the node still answers lookups and still holds its records.
 */
class MalformedInputNetworkTest {

  @Test
  void garbageDatagramsAreDroppedAndCountedAndTheNodeCarriesOn() {
    Testnet net = new Testnet(31, DhtConfig.defaults()).grow(30);
    SplittableRandom r = new SplittableRandom(32);
    for (int i = 0; i < 10; i++) {
      DhtRecord rec = SignedRecord.create(Identity.generate(r), 1, net.nowMillis() + 6 * DhtConfig.HOUR,
          SignedRecord.text("record " + i));
      net.await(net.nodes.get(r.nextInt(net.nodes.size())).put(rec), 30_000);
    }
    DhtNode victim = net.nodes.stream().max((a, b) -> Integer.compare(a.store().size(), b.store().size())).orElseThrow();
    List<DhtRecord> heldBefore = victim.store().records();
    assertTrue(heldBefore.size() >= 5, "victim holds " + heldBefore.size());

    List<byte[]> valid = new ArrayList<>();
    for (Envelope m : WireSamples.all().values()) {
      valid.add(WireCodec.encode(m));
    }
    valid.add(WireCodec.encode(new Envelope(7, Identity.generate(r).nodeId(), true, null,
        new Body.Store(new Body.RawRecord(SignedRecord.NAMESPACE, heldBefore.get(0).key(), heldBefore.get(0).value())))));
    SimTransport attacker = net.port();
    long malformed = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] garbage;
      if (i % 4 == 0) {
        garbage = new byte[r.nextInt(10_000)];
        r.nextBytes(garbage);
      } else {
        garbage = WireSamples.mutate(valid.get(r.nextInt(valid.size())), r);
      }
      try {
        WireCodec.decode(garbage);
      } catch (MalformedMessageException e) {
        malformed++;
      }
      attacker.send(victim.endpoint(), garbage);
      if (i % 500 == 0) {
        net.advance(50);
      }
    }
    net.advance(30_000);

    assertTrue(malformed > 15_000, "mostly undecodable: " + malformed);
    assertEquals(malformed, victim.metrics().get("dropped_malformed"));
    assertEquals(0, victim.metrics().get("dropped_handler_error"), "no handler choked on a decodable one");
    assertTrue(victim.isRunning());
    assertEquals(heldBefore, victim.store().records(), "records survive the barrage");

    DhtNode asker = net.nodes.get(net.nodes.get(0) == victim ? 1 : 0);
    LookupOutcome found = net.await(asker.findNode(victim.id()), 30_000);
    assertEquals(victim.id(), found.closest().get(0).id(), "the victim still answers and is found");
    LookupOutcome fromVictim = net.await(victim.findNode(asker.id()), 30_000);
    assertEquals(asker.id(), fromVictim.closest().get(0).id(), "the victim still runs lookups");
    for (DhtRecord rec : heldBefore) {
      GetResult got = net.await(asker.get(rec.key(), SignedRecord.NAMESPACE), 30_000);
      assertEquals(rec, got.record().orElseThrow());
    }
  }
}
