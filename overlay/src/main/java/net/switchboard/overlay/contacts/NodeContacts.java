package net.switchboard.overlay.contacts;


import net.switchboard.signaling.directory.ResolvedContact;

import net.switchboard.signaling.directory.ContactLookup;

import net.switchboard.signaling.directory.ContactPublishing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.switchboard.dht.PutResult;
import net.switchboard.seam.Scheduler;
import net.switchboard.overlay.admin.AdminExtension;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.signaling.contact.Reachability;

/**
 * Contact records on one running node: publishes its own record ({@link ContactPublishing},
 * reachable via its own node id), keeps its contacts ({@value ContactsFile#FILE} in the data
 * directory) and applies them as the allow list in restricted mode, notices when another process
 * ({@code switchboard contacts add}) changed the file (a stat every {@link Options#watchIntervalMillis},
 * or at once on {@code POST /contacts/reload}), resolves other identities, and extends the admin API
 * ({@link #adminExtension()}).
 *
 * <pre>{@code
 * NodeContacts contacts = NodeContacts.start(node, NodeContacts.Options.defaults().withRestricted(true), log).get();
 * AdminServer admin = AdminServer.start(vertx, node, port, List.of(contacts.adminExtension())).get();
 * contacts.adminListening(admin.port());   // writes admin.port into the data directory
 * ...
 * contacts.stop();
 * }</pre>
 */
public final class NodeContacts {
  /**
   * @param restricted restricted mode: the record's routes are readable only by the contacts
   * @param publishing record lifetime, periods, audit timing
   * @param watchIntervalMillis how often the contacts file is checked for changes
   */
  public record Options(boolean restricted, ContactPublishing.Settings publishing, long watchIntervalMillis) {
    public Options {
      if (watchIntervalMillis < 1) {
        throw new IllegalArgumentException("watchIntervalMillis must be >= 1, got " + watchIntervalMillis);
      }
    }

    /** Open mode, default publishing settings, the contacts file checked every 2 s. */
    public static Options defaults() {
      return new Options(false, ContactPublishing.Settings.defaults(), 2_000);
    }

    public Options withRestricted(boolean v) {
      return new Options(v, publishing, watchIntervalMillis);
    }

    public Options withPublishing(ContactPublishing.Settings v) {
      return new Options(restricted, v, watchIntervalMillis);
    }

    public Options withWatchIntervalMillis(long v) {
      return new Options(restricted, publishing, v);
    }
  }

  private final OverlayNode node;
  private final Options options;
  private final NodeLog log;
  private final ContactsFile file; // null without a data directory
  private final ContactLookup lookup;
  private final List<Consumer<ContactBook>> listeners = new CopyOnWriteArrayList<>();
  private volatile ContactBook book;
  private volatile int adminPort = -1;
  // node thread only
  private ContactPublishing publishing;
  private ContactsFile.Stamp stamp;
  private Scheduler.Cancellable watchTimer;
  private boolean reading;
  private boolean stopped;

  private NodeContacts(OverlayNode node, Options options, NodeLog log, ContactsFile file, ContactBook book,
      ContactsFile.Stamp stamp) {
    this.node = node;
    this.options = options;
    this.log = log;
    this.file = file;
    this.book = book;
    this.stamp = stamp;
    this.lookup = new ContactLookup(options.publishing().periods());
  }

  /**
   * Reads the contacts file (if the node has a data directory; an invalid one fails the start in
   * restricted mode and is ignored, with a log line, in open mode), then on the node thread publishes
   * the node's contact record and starts the timers. Call from a thread that may block (it reads a
   * file); completes once the first publish was handed to the DHT (not when stored).
   */
  public static CompletableFuture<NodeContacts> start(OverlayNode node, Options options, NodeLog log) {
    ContactsFile file = node.dataDir() == null ? null : ContactsFile.in(node.dataDir().path());
    ContactBook book;
    ContactsFile.Stamp stamp = null;
    try {
      if (file != null) {
        stamp = file.stamp();
        book = file.load();
      } else {
        book = ContactBook.empty();
      }
    } catch (IOException e) {
      if (options.restricted()) {
        return CompletableFuture.failedFuture(e); // never publish to a guessed allow list
      }
      log.info("ignoring contacts: " + e.getMessage());
      book = ContactBook.empty();
    }
    NodeContacts contacts = new NodeContacts(node, options, log, file, book, stamp);
    return node.call(d -> {
      contacts.boot();
      return contacts;
    });
  }

  private void boot() {
    publishing = new ContactPublishing(node.dht(), node.scheduler(), node.identity(), new SecureRandom(),
        Reachability.viaOwnNode(node.dht().id()), options.publishing(), log);
    if (options.restricted()) {
      try {
        publishing.restrictTo(book.publicKeys());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("restricted mode: " + e.getMessage(), e);
      }
      log.info("restricted mode: routes readable by " + book.size() + " contact(s)");
    }
    publishing.start();
    if (file != null) {
      scheduleWatch();
    }
  }

  private void scheduleWatch() {
    watchTimer = node.scheduler().schedule(options.watchIntervalMillis(), () -> {
      if (stopped) {
        return;
      }
      if (!ContactsFile.Stamp.same(stamp, file.stamp()) && !reading) {
        reload();
      }
      scheduleWatch();
    });
  }

  /**
   * Re-reads the contacts file (on a worker thread) and applies it on the node thread: in
   * restricted mode a changed list republishes the record at once. Completes with the book in
   * force; fails (keeping the previous book) when the file is invalid.
   */
  public CompletableFuture<ContactBook> reload() {
    if (file == null) {
      return CompletableFuture.completedFuture(book);
    }
    CompletableFuture<ContactBook> done = new CompletableFuture<>();
    node.scheduler().execute(() -> {
      reading = true;
      node.scheduler().context().owner()
          .executeBlocking(() -> {
            ContactsFile.Stamp s = file.stamp();
            return new Object[] {s, file.load()};
          }, false)
          .onComplete(ar -> node.scheduler().execute(() -> {
            reading = false;
            if (ar.failed()) {
              log.info("contacts not reloaded: " + ar.cause().getMessage());
              stamp = file.stamp(); // do not retry an invalid file until it changes again
              done.completeExceptionally(ar.cause());
              return;
            }
            stamp = (ContactsFile.Stamp) ar.result()[0];
            try {
              apply((ContactBook) ar.result()[1]);
              done.complete(book);
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          }));
    });
    return done;
  }

  /** On the node thread. */
  private void apply(ContactBook next) {
    if (next.equals(book) || stopped) {
      return;
    }
    if (options.restricted()) {
      try {
        publishing.restrictTo(next.publicKeys());
      } catch (IllegalArgumentException e) {
        log.info("contacts not applied: " + e.getMessage());
        throw e;
      }
    }
    book = next;
    log.info("contacts reloaded: " + next.size() + " contact(s)"
        + (options.restricted() ? ", contact record republished" : ""));
    for (Consumer<ContactBook> l : listeners) {
      l.accept(next);
    }
  }

  /** Runs {@code listener} on the node thread whenever the contacts change (e.g. a call policy). */
  public void onChange(Consumer<ContactBook> listener) {
    listeners.add(listener);
  }

  /** The contacts in force. */
  public ContactBook book() {
    return book;
  }

  public boolean restricted() {
    return options.restricted();
  }

  /** Replaces the record's reachability (e.g. new keep-alive peers) and republishes. */
  public CompletableFuture<PutResult> updateReachability(Reachability reachability) {
    return node.callAsync(d -> publishing.update(reachability));
  }

  /** Publishes a fresh record now. */
  public CompletableFuture<PutResult> republish(String reason) {
    return node.callAsync(d -> publishing.publish(reason));
  }

  /** Runs a holder audit now (republishing when below the threshold); completes with it. */
  public CompletableFuture<ContactPublishing.Audit> audit() {
    return node.callAsync(d -> publishing.audit());
  }

  /** The {@code contact_record} document of {@code GET /status}. */
  public CompletableFuture<JsonObject> status() {
    return node.call(d -> new JsonObject(publishing.status()));
  }

  /**
   * Resolves another identity through this node, opening restricted records with this node's
   * identity. Fails with a {@link net.switchboard.signaling.contact.ContactResolveException}.
   */
  public CompletableFuture<ResolvedContact> resolve(byte[] identityPublicKey, long openOffsetMillis) {
    return node.callAsync(d -> lookup.resolve(
        d, identityPublicKey, node.scheduler().nowMillis(), openOffsetMillis, Optional.of(node.identity())));
  }

  /**
   * The publishing service. Its methods may be called only on the node thread ({@link
   * OverlayNode#call}).
   */
  public ContactPublishing publishing() {
    return publishing;
  }

  public OverlayNode node() {
    return node;
  }

  /** Admin API resources: {@code GET /resolve/{id}}, {@code GET /contacts}, {@code POST /contacts/reload}, {@code POST /contacts/audit}, and {@code contact_record} in {@code GET /status}. */
  public AdminExtension adminExtension() {
    return new ContactsAdmin(this);
  }

  /**
   * Records that the admin API listens on {@code port}: writes {@value AdminPortFile#FILE} into
   * the data directory (nothing without one). Blocks on file I/O.
   */
  public void adminListening(int port) throws IOException {
    adminPort = port;
    Path dir = node.dataDir() == null ? null : node.dataDir().path();
    if (dir != null) {
      AdminPortFile.write(dir, port);
    }
  }

  /** Stops the timers and removes {@value AdminPortFile#FILE}. Idempotent; blocks briefly. */
  public CompletableFuture<Void> stop() {
    if (adminPort > 0 && node.dataDir() != null) {
      AdminPortFile.delete(node.dataDir().path(), adminPort);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    node.scheduler().execute(() -> {
      stopped = true;
      if (watchTimer != null) {
        watchTimer.cancel();
      }
      if (publishing != null) {
        publishing.stop();
      }
      done.complete(null);
    });
    return done;
  }
}
