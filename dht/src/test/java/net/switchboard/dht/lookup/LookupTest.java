package net.switchboard.dht.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lookup state machine, driven by hand on a synthetic network with no RPC: each of 2,000 nodes
 * knows a random 10% of the network plus its 20 nearest neighbours, and answers a query with the
 * 20 it knows closest to the target. Answers arrive in a seeded random order.
 */
class LookupTest {
  private static final int N = 2_000;
  private static final int K = 20;
  private static final int ALPHA = 3;
  private static final int MAX_QUERIES = 8 * K;

  private static List<Contact> network;
  private static Map<Id256, Integer> indexOf;
  private static final Map<Integer, List<Contact>> knowledge = new HashMap<>();

  @BeforeAll
  static void buildNetwork() {
    SplittableRandom r = new SplittableRandom(2024);
    network = new ArrayList<>(N);
    indexOf = new HashMap<>();
    for (int i = 0; i < N; i++) {
      Contact c = new Contact(randomId(r), Endpoint.ipv4(0x0A000000 + i + 1, 7400));
      network.add(c);
      indexOf.put(c.id(), i);
    }
  }

  private static Id256 randomId(SplittableRandom r) {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Id256.of(b);
  }

  private static BigInteger distance(Id256 a, Id256 b) {
    return new BigInteger(1, a.toBytes()).xor(new BigInteger(1, b.toBytes()));
  }

  /** The n contacts of {@code among} closest to {@code target}: the oracle, by brute force on BigIntegers. */
  private static List<Contact> bruteClosest(List<Contact> among, Id256 target, int n) {
    record Ranked(BigInteger distance, Contact contact) {}
    List<Ranked> ranked = new ArrayList<>(among.size());
    for (Contact c : among) {
      ranked.add(new Ranked(distance(c.id(), target), c));
    }
    ranked.sort(Comparator.comparing(Ranked::distance));
    return ranked.subList(0, Math.min(n, ranked.size())).stream().map(Ranked::contact).toList();
  }

  /** The n contacts of {@code among} closest to {@code target}, fast: how the synthetic nodes answer. */
  private static List<Contact> closest(List<Contact> among, Id256 target, int n) {
    List<Contact> sorted = new ArrayList<>(among);
    sorted.sort((a, b) -> target.compareDistance(a.id(), b.id()));
    return sorted.subList(0, Math.min(n, sorted.size()));
  }

  /** What node {@code i} knows: a seeded random 10% of the network and its 20 nearest neighbours. */
  private static List<Contact> knows(int i) {
    return knowledge.computeIfAbsent(i, idx -> {
      SplittableRandom r = new SplittableRandom(idx * 7919L);
      Set<Contact> known = new HashSet<>();
      for (Contact c : network) {
        if (r.nextInt(10) == 0) {
          known.add(c);
        }
      }
      List<Contact> others = new ArrayList<>(network);
      others.remove(network.get(idx));
      known.addAll(closest(others, network.get(idx).id(), K));
      known.remove(network.get(idx));
      return new ArrayList<>(known);
    });
  }

  private static List<Contact> answer(Contact queried, Id256 target) {
    return closest(knows(indexOf.get(queried.id())), target, K);
  }

  /** Drives {@code lookup} to the end; {@code dead} nodes fail instead of answering. Returns queried contacts. */
  private static List<Contact> drive(Lookup lookup, Predicate<Contact> dead, SplittableRandom order) {
    List<Contact> inFlight = new ArrayList<>();
    List<Contact> queried = new ArrayList<>();
    int steps = 0;
    while (!lookup.isFinished()) {
      List<Contact> next = lookup.nextToQuery();
      inFlight.addAll(next);
      queried.addAll(next);
      assertTrue(inFlight.size() <= ALPHA, "in flight: " + inFlight.size());
      assertFalse(inFlight.isEmpty(), "not finished, yet nothing in flight and nothing to send");
      Contact c = inFlight.remove(order.nextInt(inFlight.size()));
      if (dead.test(c)) {
        lookup.onFailure(c.id());
      } else {
        lookup.onResponse(c.id(), answer(c, lookup.target()));
      }
      assertTrue(++steps <= MAX_QUERIES, "a lookup ends within maxQueries answers");
    }
    assertTrue(inFlight.isEmpty(), "finished with queries outstanding");
    assertTrue(lookup.nextToQuery().isEmpty(), "a finished lookup sends nothing");
    return queried;
  }

  @Test
  void convergesToTheTrueKClosestAndFinishes() {
    SplittableRandom r = new SplittableRandom(1);
    for (int t = 0; t < 25; t++) {
      Id256 target = t % 5 == 0 ? network.get(r.nextInt(N)).id() : randomId(r);
      int self = r.nextInt(N);
      Id256 selfId = network.get(self).id();
      Lookup lookup = new Lookup(target, selfId, K, ALPHA, MAX_QUERIES, bruteClosest(knows(self), target, K));
      List<Contact> queried = drive(lookup, c -> false, r);
      List<Contact> others = new ArrayList<>(network);
      others.remove(network.get(self));
      assertEquals(bruteClosest(others, target, K), lookup.closestResponded(), "target " + target.shortHex());
      assertEquals(queried.size(), lookup.queries());
      assertTrue(lookup.queries() < MAX_QUERIES, "converged rather than ran out: " + lookup.queries());
    }
  }

  @Test
  void neverMoreThanAlphaQueriesAreInFlight() {
    SplittableRandom r = new SplittableRandom(2);
    Id256 target = randomId(r);
    Lookup lookup = new Lookup(target, network.get(0).id(), K, ALPHA, MAX_QUERIES, bruteClosest(network, target, 50));
    List<Contact> first = lookup.nextToQuery();
    assertEquals(ALPHA, first.size());
    assertTrue(lookup.nextToQuery().isEmpty(), "alpha already in flight");
    lookup.onResponse(first.get(1).id(), answer(first.get(1), target));
    assertEquals(1, lookup.nextToQuery().size(), "one answer frees one slot");
    lookup.onFailure(first.get(0).id());
    assertEquals(1, lookup.nextToQuery().size(), "so does one failure");
    assertTrue(lookup.nextToQuery().isEmpty());
    lookup.stop();
    // and over whole lookups: drive() asserts the bound after every step, answers in random order
    for (int i = 0; i < 20; i++) {
      Id256 t = randomId(r);
      drive(new Lookup(t, network.get(0).id(), K, ALPHA, MAX_QUERIES, bruteClosest(network, t, 50)), c -> false, r);
    }
  }

  @Test
  void failedNodesAreRoutedAround() {
    SplittableRandom r = new SplittableRandom(3);
    Set<Id256> dead = new HashSet<>();
    for (Contact c : network) {
      if (r.nextInt(5) == 0) {
        dead.add(c.id());
      }
    }
    for (int t = 0; t < 10; t++) {
      Id256 target = randomId(r);
      int self;
      do {
        self = r.nextInt(N);
      } while (dead.contains(network.get(self).id()));
      Lookup lookup = new Lookup(target, network.get(self).id(), K, ALPHA, MAX_QUERIES, bruteClosest(knows(self), target, K));
      List<Contact> queried = drive(lookup, c -> dead.contains(c.id()), r);
      assertTrue(queried.stream().anyMatch(c -> dead.contains(c.id())), "the lookup met dead nodes");
      List<Contact> alive = new ArrayList<>(network);
      alive.removeIf(c -> dead.contains(c.id()));
      alive.remove(network.get(self));
      assertEquals(bruteClosest(alive, target, K), lookup.closestResponded());
      assertTrue(lookup.closestResponded().stream().noneMatch(c -> dead.contains(c.id())));
    }
  }

  @Test
  void aFailedContactIsNotQueriedAgainWhenOthersMentionIt() {
    SplittableRandom r = new SplittableRandom(4);
    Id256 target = randomId(r);
    List<Contact> seeds = bruteClosest(network, target, 3);
    Lookup lookup = new Lookup(target, randomId(r), K, ALPHA, MAX_QUERIES, seeds);
    List<Contact> first = lookup.nextToQuery();
    Contact failed = first.get(0);
    lookup.onFailure(failed.id());
    lookup.onResponse(first.get(1).id(), List.of(failed));
    lookup.onResponse(first.get(2).id(), List.of(failed));
    assertTrue(lookup.nextToQuery().isEmpty());
    assertTrue(lookup.isFinished());
    assertFalse(lookup.closestResponded().contains(failed));
  }

  @Test
  void maxQueriesStopsALookupFedEndlessFakeContacts() {
    SplittableRandom r = new SplittableRandom(5);
    Id256 target = randomId(r);
    BigInteger[] nextDistance = {BigInteger.ONE.shiftLeft(200)};
    Lookup lookup = new Lookup(target, randomId(r), K, ALPHA, MAX_QUERIES, bruteClosest(network, target, K));
    int answered = 0;
    List<Contact> inFlight = new ArrayList<>();
    while (!lookup.isFinished()) {
      inFlight.addAll(lookup.nextToQuery());
      Contact c = inFlight.remove(0);
      List<Contact> fakes = new ArrayList<>();
      for (int i = 0; i < K; i++) { // each fake strictly closer than every contact seen so far
        nextDistance[0] = nextDistance[0].subtract(BigInteger.ONE);
        fakes.add(new Contact(xorDistance(target, nextDistance[0]), Endpoint.ipv4(0x0B000000 + answered * K + i, 7400)));
      }
      lookup.onResponse(c.id(), fakes);
      answered++;
      assertTrue(answered <= MAX_QUERIES, "more answers than maxQueries");
    }
    assertEquals(MAX_QUERIES, lookup.queries());
    assertEquals(MAX_QUERIES, answered);
    assertTrue(lookup.nextToQuery().isEmpty());
  }

  private static Id256 xorDistance(Id256 target, BigInteger distance) {
    byte[] d = distance.toByteArray();
    byte[] b = new byte[32];
    System.arraycopy(d, Math.max(0, d.length - 32), b, Math.max(0, 32 - d.length), Math.min(32, d.length));
    return target.xor(Id256.of(b));
  }

  @Test
  void selfIsNeverQueried() {
    SplittableRandom r = new SplittableRandom(6);
    int self = r.nextInt(N);
    Id256 selfId = network.get(self).id();
    Id256 target = selfId.flipBit(255); // self is the closest node to the target
    List<Contact> seeds = new ArrayList<>(bruteClosest(network, target, K)); // includes self
    assertTrue(seeds.contains(network.get(self)));
    Lookup lookup = new Lookup(target, selfId, K, ALPHA, MAX_QUERIES, seeds);
    List<Contact> queried = drive(lookup, c -> false, r);
    assertTrue(queried.stream().noneMatch(c -> c.id().equals(selfId)), "self was queried");
    assertTrue(lookup.closestResponded().stream().noneMatch(c -> c.id().equals(selfId)));
  }

  @Test
  void aLookupWithoutSeedsIsFinishedAtOnce() {
    Lookup lookup = new Lookup(network.get(0).id(), network.get(1).id(), K, ALPHA, MAX_QUERIES, List.of());
    assertTrue(lookup.isFinished());
    assertTrue(lookup.nextToQuery().isEmpty());
    assertTrue(lookup.closestResponded().isEmpty());
  }

  @Test
  void stoppingEndsTheLookupAndSendsNothingMore() {
    Id256 target = network.get(0).id();
    Lookup lookup = new Lookup(target, network.get(1).id(), K, ALPHA, MAX_QUERIES, bruteClosest(network, target, K));
    assertEquals(ALPHA, lookup.nextToQuery().size());
    lookup.stop();
    assertTrue(lookup.isFinished());
    assertTrue(lookup.nextToQuery().isEmpty());
  }

  @Test
  void anAnswerFromAContactNotInFlightIsAContractError() {
    Id256 target = network.get(0).id();
    Lookup lookup = new Lookup(target, network.get(1).id(), K, ALPHA, MAX_QUERIES, bruteClosest(network, target, K));
    Contact notAsked = network.get(1_999);
    assertThrows(IllegalStateException.class, () -> lookup.onResponse(notAsked.id(), List.of()));
    Contact asked = lookup.nextToQuery().get(0);
    lookup.onResponse(asked.id(), List.of());
    assertThrows(IllegalStateException.class, () -> lookup.onResponse(asked.id(), List.of()), "answered twice");
    assertThrows(IllegalStateException.class, () -> lookup.onFailure(asked.id()));
  }

  @Test
  void depthCountsHopsFromTheSeeds() {
    Id256 target = network.get(0).id();
    List<Contact> seeds = List.of(network.get(5));
    Lookup lookup = new Lookup(target, network.get(1).id(), K, ALPHA, MAX_QUERIES, seeds);
    assertEquals(1, lookup.depthOf(network.get(5).id()));
    assertEquals(0, lookup.depthOf(network.get(6).id()), "unknown");
    lookup.nextToQuery();
    lookup.onResponse(network.get(5).id(), List.of(network.get(6)));
    assertEquals(2, lookup.depthOf(network.get(6).id()));
    assertEquals(1, lookup.hops());
    assertNotEquals(0, lookup.queries());
  }
}
