package net.switchboard.overlay.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.overlay.bench.DhtBenchmark.Resolved;
import net.switchboard.overlay.bench.DhtBenchmark.Target;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.ContactRecord;
import net.switchboard.signaling.contact.ContactResolveException;
import net.switchboard.signaling.contact.ContactResolver;
import net.switchboard.signaling.contact.Reachability;

/**
 * Contact records end to end: each item is a person whose blinded, encrypted record is published;
 * a resolve computes the storage key(s) from the identity public key, runs FIND_VALUE, verifies
 * and decrypts, and checks the introduction route that comes out.
 */
public final class ContactRecordWorkload implements DhtBenchmark.Workload {
  private final List<Identity> people = new ArrayList<>();
  private final List<List<DhtRecord>> records = new ArrayList<>();
  private final ContactResolver resolver = new ContactResolver(ContactPeriods.defaults());

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
    return asker.call(n -> {
      long now = System.currentTimeMillis();
      List<ContactResolver.LookupKey> keys = resolver.lookupKeys(pk, now);
      List<CompletableFuture<GetResult>> gets = new ArrayList<>();
      for (ContactResolver.LookupKey k : keys) {
        gets.add(n.get(k.storageKey(), net.switchboard.signaling.contact.ContactEnvelope.NAMESPACE));
      }
      return CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)).thenApply(v -> {
        List<DhtRecord> found = new ArrayList<>();
        int hops = 0;
        int rpcs = 0;
        for (CompletableFuture<GetResult> g : gets) {
          GetResult r = g.join();
          r.record().ifPresent(found::add);
          hops = Math.max(hops, r.hops());
          rpcs += r.rpcs();
        }
        try {
          ContactRecord rec = resolver.openBest(pk, found, System.currentTimeMillis(), Optional.empty());
          boolean ok = rec.reachability().equals(Reachability.viaOwnNode(person.nodeId()));
          return new Resolved(ok, hops, rpcs);
        } catch (ContactResolveException e) {
          return new Resolved(false, hops, rpcs);
        }
      });
    });
  }

  @Override
  public String name() {
    return "contact records";
  }
}
