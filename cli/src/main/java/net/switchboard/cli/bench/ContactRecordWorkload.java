package net.switchboard.cli.bench;


import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.cli.bench.DhtBenchmark.Resolved;
import net.switchboard.cli.bench.DhtBenchmark.Target;
import net.switchboard.signaling.directory.ContactLookup;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.Reachability;

/**
 * Contact records end to end: each item is a person whose blinded, encrypted record is published;
 * a resolve is the node's own {@link ContactLookup} (storage key(s) from the identity public key,
 * FIND_VALUE, verify, decrypt), and the introduction route that comes out is checked.
 */
public final class ContactRecordWorkload implements DhtBenchmark.Workload {
  private final List<Identity> people = new ArrayList<>();
  private final List<List<DhtRecord>> records = new ArrayList<>();
  /** One lookup per asking node, as each node has its own (a lookup is used on its node's thread only). */
  private final Map<DhtNode, ContactLookup> lookups = new ConcurrentHashMap<>();

  @Override
  public void prepare(int i, SplittableRandom random) {
    Identity person = Identity.generate(random);
    ContactPublisher publisher = ContactPublisher.forNode(person, new SecureRandom());
    people.add(person);
    records.add(publisher.recordsToPublish(System.currentTimeMillis()));
  }

  @Override
  public CompletableFuture<?> publish(int i, Target from) {
    List<CompletableFuture<?>> puts = new ArrayList<>();
    for (DhtRecord r : records.get(i)) {
      puts.add(from.call(n -> n.put(r)));
    }
    return CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new));
  }

  @Override
  public CompletableFuture<Resolved> resolve(int i, Target asker) {
    Identity person = people.get(i);
    byte[] pk = person.publicKey();
    return asker.call(n -> lookups.computeIfAbsent(n, x -> new ContactLookup(ContactPeriods.defaults()))
            .resolve(n, pk, System.currentTimeMillis(), 0, Optional.empty()))
        .handle((r, e) -> e != null
            ? new Resolved(false, 0, 0)
            : new Resolved(r.record().reachability().equals(Reachability.viaOwnNode(person.nodeId())), r.hops(), r.rpcs()));
  }

  @Override
  public String name() {
    return "contact records";
  }
}
