package net.switchboard.signaling.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import net.switchboard.dht.DhtNode;
import net.switchboard.dht.PutResult;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.seam.Scheduler;
import net.switchboard.seam.NodeLog;
import net.switchboard.signaling.contact.AccessList;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.Reachability;

/**
 * Keeps one node's own contact record in the DHT: publishes it at {@link #start}, after every
 * change ({@link #update}, {@link #restrictTo}, {@link #openToAll}) and before it expires (at
 * {@link ContactPublisher#nextRefreshAtMillis}, both periods' records near a boundary); stops the
 * DHT republishing superseded storage keys; audits how many of the current storage key's k closest
 * nodes hold the current seq (periodically and shortly after each publish) and republishes at once
 * when fewer than the threshold do.
 *
 * <p>Runs on the node thread: every method must be called there (the {@link DhtNode} and the
 * {@link Scheduler} belong to it). Time comes from the scheduler only.
 */
public final class ContactPublishing {
  /**
   * @param periods the network's periods (must match the validators every node runs)
   * @param ttlMillis lifetime of each published record
   * @param auditIntervalMillis time between periodic holder audits
   * @param auditAfterPublishMillis delay of the audit that follows each publish
   * @param holderThreshold republish when holders &lt; ceil(expected &times; this), where expected is
   *     the most nodes that ever acknowledged a publish or answered an audit, at most k
   */
  public record Settings(
      ContactPeriods periods, long ttlMillis, long auditIntervalMillis, long auditAfterPublishMillis,
      double holderThreshold) {
    public Settings {
      if (auditIntervalMillis < 1 || auditAfterPublishMillis < 0) {
        throw new IllegalArgumentException("audit intervals must be positive");
      }
      if (!(holderThreshold >= 0 && holderThreshold <= 1)) {
        throw new IllegalArgumentException("holderThreshold must be in [0, 1], got " + holderThreshold);
      }
    }

    /** Default periods, 4 h records, an audit every 10 min and 30 s after each publish, threshold 1/2. */
    public static Settings defaults() {
      return new Settings(ContactPeriods.defaults(), ContactPublisher.DEFAULT_TTL_MILLIS, 10 * 60_000, 30_000, 0.5);
    }

    public Settings withTtlMillis(long v) {
      return new Settings(periods, v, auditIntervalMillis, auditAfterPublishMillis, holderThreshold);
    }

    public Settings withAuditIntervalMillis(long v) {
      return new Settings(periods, ttlMillis, v, auditAfterPublishMillis, holderThreshold);
    }

    public Settings withAuditAfterPublishMillis(long v) {
      return new Settings(periods, ttlMillis, auditIntervalMillis, v, holderThreshold);
    }

    public Settings withHolderThreshold(double v) {
      return new Settings(periods, ttlMillis, auditIntervalMillis, auditAfterPublishMillis, v);
    }
  }

  /** The last audit: when, how many held the current seq, how many were asked. */
  public record Audit(long atMillis, long seq, int holders, int asked) {}

  private final DhtNode dht;
  private final Scheduler scheduler;
  private final Settings settings;
  private final NodeLog log;
  private final ContactPublisher publisher;
  private List<DhtRecord> current = List.of();
  private Set<Id256> publishedKeys = new LinkedHashSet<>();
  private long lastPublishedMillis = -1;
  private int lastStored = -1;
  private int expectedHolders;
  private Audit lastAudit;
  private long publishes;
  private long republishesAfterAudit;
  private String lastError;
  private Scheduler.Cancellable refreshTimer;
  private Scheduler.Cancellable auditSoonTimer;
  private Scheduler.Cancellable auditTimer;
  private boolean running;

  /**
   * @param dht the node (its thread runs everything here)
   * @param reachability the initial content, e.g. {@link Reachability#viaOwnNode} of the node id
   */
  public ContactPublishing(
      DhtNode dht, Scheduler scheduler, Identity identity, RandomGenerator random, Reachability reachability,
      Settings settings, NodeLog log) {
    this.dht = dht;
    this.scheduler = scheduler;
    this.settings = settings;
    this.log = log;
    this.publisher = new ContactPublisher(identity, settings.periods(), settings.ttlMillis(), random, reachability);
  }

  /** Publishes now and starts the refresh and audit timers. */
  public CompletableFuture<PutResult> start() {
    running = true;
    scheduleAudit();
    return publish("start");
  }

  /** Stops every timer; the DHT keeps republishing the current records until they expire. */
  public void stop() {
    running = false;
    cancel(refreshTimer);
    cancel(auditSoonTimer);
    cancel(auditTimer);
  }

  /** Replaces the reachability (routes, transports, media) and republishes (once started). */
  public CompletableFuture<PutResult> update(Reachability reachability) {
    publisher.update(reachability);
    return publishIfRunning("reachability changed");
  }

  /**
   * Restricted mode: only {@code allowList} (identity public keys) can read the routes of the
   * records published from now on. Republishes.
   *
   * @throws IllegalArgumentException when a key is invalid or there are too many
   */
  public CompletableFuture<PutResult> restrictTo(List<byte[]> allowList) {
    publisher.restrictTo(AccessList.of(allowList));
    return publishIfRunning("restricted to " + allowList.size() + " contact(s)");
  }

  /** Open mode: anyone who knows the identity can read the routes. Republishes. */
  public CompletableFuture<PutResult> openToAll() {
    publisher.openToAll();
    return publishIfRunning("open to all");
  }

  /** Before {@link #start} a change only configures the first record. */
  private CompletableFuture<PutResult> publishIfRunning(String reason) {
    return running ? publish(reason) : CompletableFuture.completedFuture(null);
  }

  /**
   * Builds fresh records (new seq), stores them at the k closest nodes of each storage key (the
   * DHT keeps republishing them while valid), stops republishing keys no longer in use, and
   * schedules the next refresh and a holder audit. Completes with the current period's put.
   */
  public CompletableFuture<PutResult> publish(String reason) {
    long now = scheduler.nowMillis();
    List<DhtRecord> records;
    try {
      records = publisher.recordsToPublish(now);
    } catch (IllegalArgumentException e) {
      lastError = e.getMessage();
      log.info("contact record not published (" + reason + "): " + e.getMessage());
      return CompletableFuture.failedFuture(e);
    }
    Set<Id256> keys = new LinkedHashSet<>();
    for (DhtRecord r : records) {
      keys.add(r.key());
    }
    for (Id256 old : publishedKeys) {
      if (!keys.contains(old)) {
        dht.unpublish(ContactEnvelope.NAMESPACE, old);
      }
    }
    publishedKeys = keys;
    current = List.copyOf(records);
    lastPublishedMillis = now;
    publishes++;
    lastError = null;
    List<CompletableFuture<PutResult>> puts = new ArrayList<>();
    for (DhtRecord r : records) {
      puts.add(dht.put(r));
    }
    long seq = publisher.seq();
    puts.get(0).whenComplete((put, err) -> {
      if (err != null) {
        lastError = err.getMessage();
        log.info("contact record seq " + seq + " (" + reason + "): put failed: " + err.getMessage());
      } else {
        if (seq == publisher.seq()) {
          lastStored = put.stored();
        }
        expectedHolders = Math.max(expectedHolders, Math.min(dht.config().k(), put.stored()));
        log.info("contact record seq " + seq + " published (" + reason + ") to " + put.stored() + "/"
            + put.closest() + " nodes" + (records.size() > 1 ? ", and for the next period" : ""));
      }
    });
    if (running) {
      cancel(refreshTimer);
      long at = publisher.nextRefreshAtMillis(now);
      refreshTimer = scheduler.schedule(Math.max(0, at - now), () -> {
        if (running) {
          publish("refresh");
        }
      });
      cancel(auditSoonTimer);
      auditSoonTimer = scheduler.schedule(settings.auditAfterPublishMillis(), () -> {
        if (running) {
          audit();
        }
      });
    }
    return puts.get(0);
  }

  private void scheduleAudit() {
    auditTimer = scheduler.schedule(settings.auditIntervalMillis(), () -> {
      if (running) {
        audit();
        scheduleAudit();
      }
    });
  }

  /**
   * Asks the current storage key's k closest nodes whether they hold the current seq; when fewer
   * than the threshold do, republishes at once. Completes with the audit (null before the first
   * publish).
   */
  public CompletableFuture<Audit> audit() {
    if (current.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    DhtRecord record = current.get(0);
    long seq = record.seq();
    return dht.auditHolders(ContactEnvelope.NAMESPACE, record.key(), seq).thenApply(a -> {
      Audit audit = new Audit(scheduler.nowMillis(), seq, a.holders(), a.asked());
      lastAudit = audit;
      expectedHolders = Math.max(expectedHolders, Math.min(dht.config().k(), a.asked()));
      int threshold = threshold();
      if (a.holders() < threshold && seq == publisher.seq()) {
        republishesAfterAudit++;
        publish("holder audit: " + a.holders() + " of " + a.asked() + " hold it, below " + threshold);
      }
      return audit;
    });
  }

  /**
   * Below how many holders to republish. Judged against the most holders this network has offered
   * (not against this audit's asked count: when the closest nodes die, a lookup through a routing
   * table still full of them may find only a few live ones, which would hide the loss).
   */
  private int threshold() {
    return (int) Math.ceil(expectedHolders * settings.holderThreshold());
  }

  // ---- views (node thread) --------------------------------------------------------------------

  /** The records last published (the current period's first). */
  public List<DhtRecord> current() {
    return current;
  }

  /** The storage keys published last (the DHT republishes these). */
  public Set<Id256> publishedKeys() {
    return Set.copyOf(publishedKeys);
  }

  public long seq() {
    return publisher.seq();
  }

  public boolean restricted() {
    return publisher.restricted();
  }

  public Reachability reachability() {
    return publisher.reachability();
  }

  /** The last audit, or null. */
  public Audit lastAudit() {
    return lastAudit;
  }

  public long republishesAfterAudit() {
    return republishesAfterAudit;
  }

  /**
   * The status as plain values (numbers, booleans, strings, a list of hex keys, nulls), in this
   * order: {@code {holders, asked, k, threshold, expected_holders, seq, restricted, storage_keys_published, last_published,
   * last_audit, publishes, republishes_after_audit, error}}; {@code holders}, {@code asked} and
   * {@code last_audit} are null before the first audit, {@code holders} counts only the current
   * seq of the current period's key.
   */
  public Map<String, Object> status() {
    List<String> keys = new ArrayList<>();
    publishedKeys.forEach(k -> keys.add(k.toHex()));
    int k = dht.config().k();
    Audit a = lastAudit;
    boolean fresh = a != null && a.seq() == publisher.seq();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("holders", a == null ? null : a.holders());
    s.put("asked", a == null ? null : a.asked());
    s.put("k", k);
    s.put("threshold", threshold());
    s.put("expected_holders", expectedHolders);
    s.put("audited_seq", a == null ? null : a.seq());
    s.put("audit_is_current", fresh);
    s.put("seq", publisher.seq());
    s.put("restricted", publisher.restricted());
    s.put("storage_keys_published", keys);
    s.put("stored_at_publish", lastStored < 0 ? null : lastStored);
    s.put("last_published", lastPublishedMillis < 0 ? null : Instant.ofEpochMilli(lastPublishedMillis).toString());
    s.put("last_audit", a == null ? null : Instant.ofEpochMilli(a.atMillis()).toString());
    s.put("publishes", publishes);
    s.put("republishes_after_audit", republishesAfterAudit);
    s.put("error", lastError);
    return s;
  }

  private static void cancel(Scheduler.Cancellable c) {
    if (c != null) {
      c.cancel();
    }
  }
}
