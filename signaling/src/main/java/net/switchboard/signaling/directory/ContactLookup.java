package net.switchboard.signaling.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.GetResult;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactRecord;
import net.switchboard.signaling.contact.ContactResolveException;
import net.switchboard.signaling.contact.ContactResolver;

/**
 * Resolves an identity's contact record through a {@link DhtNode}: computes the storage key(s) of
 * the current period (and the previous one just after a boundary), runs FIND_VALUE for each, then
 * verifies and decrypts the freshest record found. Call {@link #resolve} on the node thread.
 */
public final class ContactLookup {
  private final ContactResolver resolver;

  public ContactLookup(ContactPeriods periods) {
    this.resolver = new ContactResolver(periods);
  }

  /**
   * Finds and opens the record of {@code identityPublicKey}.
   *
   * @param nowMillis the node's clock (its scheduler)
   * @param openOffsetMillis added to {@code nowMillis} when checking the record's expiry and period
   *     (0 in normal use; a test seam standing for a resolver whose clock runs ahead of the storage
   *     nodes', or a record that expires between lookup and decryption)
   * @param self the resolver's identity, to open restricted records it is allowed to read
   * @return completes with the record, or fails with {@link ContactResolveException} (NOT_FOUND,
   *     EXPIRED, NOT_ALLOWED, FORGED, WRONG_IDENTITY); fails with IllegalArgumentException when the
   *     key is not a valid Ed25519 public key
   */
  public CompletableFuture<ResolvedContact> resolve(
      DhtNode dht, byte[] identityPublicKey, long nowMillis, long openOffsetMillis, Optional<Identity> self) {
    List<ContactResolver.LookupKey> keys;
    try {
      keys = resolver.lookupKeys(identityPublicKey, nowMillis);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    List<CompletableFuture<GetResult>> gets = new ArrayList<>();
    for (ContactResolver.LookupKey k : keys) {
      gets.add(dht.get(k.storageKey(), ContactEnvelope.NAMESPACE));
    }
    CompletableFuture<ResolvedContact> out = new CompletableFuture<>();
    if (gets.size() > 1) {
      // Just after a period boundary the previous period is looked up too, but a record of the
      // current period is the one to use (a publisher near the boundary publishes for both): take
      // it as soon as it opens instead of waiting for the other lookup, which usually finds
      // nothing and so only ends once it has asked the k closest nodes.
      gets.get(0).thenAccept(r -> {
        if (r.record().isPresent()) {
          try {
            ContactRecord record = resolver.openFromDht(identityPublicKey, r.record().get(), nowMillis + openOffsetMillis, self);
            out.complete(new ResolvedContact(identityPublicKey, record, keys.get(0).period(), r.hops(), r.rpcs()));
          } catch (ContactResolveException | RuntimeException e) {
            // leave it to the full comparison below
          }
        }
      });
    }
    CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)).whenComplete((v, error) -> {
      if (out.isDone()) {
        return;
      }
      if (error != null) {
        out.completeExceptionally(error);
        return;
      }
      try {
        out.complete(openBest(identityPublicKey, nowMillis, openOffsetMillis, self, keys, gets));
      } catch (RuntimeException e) {
        out.completeExceptionally(e);
      }
    });
    return out;
  }

  private ResolvedContact openBest(byte[] identityPublicKey, long nowMillis, long openOffsetMillis,
      Optional<Identity> self, List<ContactResolver.LookupKey> keys, List<CompletableFuture<GetResult>> gets) {
    List<DhtRecord> found = new ArrayList<>();
    List<Long> periods = new ArrayList<>();
    int hops = 0;
    int rpcs = 0;
    for (int i = 0; i < gets.size(); i++) {
      GetResult r = gets.get(i).join();
      hops = Math.max(hops, r.hops());
      rpcs += r.rpcs();
      if (r.record().isPresent()) {
        found.add(r.record().get());
        periods.add(keys.get(i).period());
      }
    }
    ContactRecord record;
    try {
      record = resolver.openBestFromDht(identityPublicKey, found, nowMillis + openOffsetMillis, self);
    } catch (ContactResolveException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
    long period = keys.get(0).period();
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i).seq() == record.seq()) {
        period = periods.get(i);
        break;
      }
    }
    return new ResolvedContact(identityPublicKey, record, period, hops, rpcs);
  }
}
