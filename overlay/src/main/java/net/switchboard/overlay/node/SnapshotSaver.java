package net.switchboard.overlay.node;

import net.switchboard.seam.NodeLog;

import io.vertx.core.Context;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.routing.Contact;
import net.switchboard.overlay.persist.DataDir;

/**
 * Saves routing snapshots off the event loop (the file is fsynced). Never fails: a failed save is
 * logged and the previous snapshot stays. An empty table is not saved, so a node that lost every
 * peer still finds its way back with the last good snapshot.
 */
final class SnapshotSaver {
  private final DataDir dir;
  private final Context context;
  private final NodeLog log;

  SnapshotSaver(DataDir dir, Context context, NodeLog log) {
    this.dir = dir;
    this.context = context;
    this.log = log;
  }

  CompletableFuture<Void> save(List<Contact> contacts) {
    if (contacts.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return context.<Void>executeBlocking(() -> {
          dir.saveRoutingSnapshot(contacts);
          return null;
        })
        .toCompletionStage()
        .toCompletableFuture()
        .exceptionally(e -> {
          log.info("could not save routing snapshot to " + dir.routingFile() + ": " + e.getMessage());
          return null;
        });
  }
}
