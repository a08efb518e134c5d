package net.switchboard.dht.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;
import org.junit.jupiter.api.Test;

/** A hedged value lookup asks one contact first and the full alpha only once widened. */
class HedgedLookupTest {
  private static Id256 random(SplittableRandom r) {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Id256.of(b);
  }

  private static List<Contact> contacts(SplittableRandom r, int n) {
    List<Contact> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Contact(random(r), Endpoint.ipv4(0x0A000001 + i, 7400)));
    }
    return out;
  }

  @Test
  void startsWithOneQueryAndWidensToAlpha() {
    SplittableRandom r = new SplittableRandom(4);
    Id256 target = random(r);
    List<Contact> seeds = contacts(r, 10);
    Lookup lookup = new Lookup(target, random(r), 5, 3, 1, 40, seeds);
    List<Contact> first = lookup.nextToQuery();
    assertEquals(1, first.size());
    Contact closest = seeds.stream().min((a, b) -> target.compareDistance(a.id(), b.id())).orElseThrow();
    assertEquals(closest, first.get(0), "the closest known contact is asked first");
    assertEquals(0, lookup.nextToQuery().size(), "nothing more until widened");
    lookup.widen();
    assertEquals(2, lookup.nextToQuery().size(), "then up to alpha in flight");
  }

  @Test
  void initialParallelismMustLieBetweenOneAndAlpha() {
    SplittableRandom r = new SplittableRandom(5);
    assertThrows(IllegalArgumentException.class, () -> new Lookup(random(r), random(r), 5, 3, 4, 40, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Lookup(random(r), random(r), 5, 3, 0, 40, List.of()));
  }
}
