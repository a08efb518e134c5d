package net.switchboard.overlay.contacts;

import net.switchboard.seam.Failures;



import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.dht.identity.PrintedId.InvalidIdException;
import net.switchboard.overlay.admin.AdminExtension;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.signaling.contact.ContactResolveException;

/**
 * The contact-record resources of the admin API:
 *
 * <ul>
 *   <li>{@code GET /resolve/{printedId}}: the decrypted record (({@link ResolvedContactJson#toJson})),
 *       or {@code {error, status, kind}} with {@code kind} one of {@code invalid_id} (400), {@code
 *       not_found} (404), {@code expired} (410), {@code not_allowed} (403), {@code forged} (502),
 *       {@code network} (503)
 *   <li>{@code GET /contacts}: the contacts in force, as in the contacts file
 *   <li>{@code POST /contacts/reload}: re-read the contacts file now (republishes in restricted mode)
 *   <li>{@code POST /contacts/audit}: run a holder audit now; answers the {@code contact_record} status
 *   <li>{@code GET /status} gains {@code contact_record: {holders, k, seq, storage_keys_published,
 *       last_audit, ...}}
 * </ul>
 */
final class ContactsAdmin implements AdminExtension {
  /** Hidden test seam: open records as if the clock were this many ms ahead. */

  private final NodeContacts contacts;

  ContactsAdmin(NodeContacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public void addRoutes(Router router, OverlayNode node) {
    router.get("/resolve/:id").handler(this::resolve);
    router.get("/contacts").handler(rc -> send(rc, 200, contacts.book().toJson()
        .put("restricted", contacts.restricted())));
    router.post("/contacts/reload").handler(rc -> contacts.reload().whenComplete((book, err) -> {
      if (err != null) {
        send(rc, 422, error(422, message(err), "invalid_contacts"));
      } else {
        contacts.status().whenComplete((st, e2) -> send(rc, 200, new JsonObject()
            .put("contacts", book.size())
            .put("restricted", contacts.restricted())
            .put("seq", st == null ? null : st.getLong("seq"))));
      }
    }));
    router.post("/contacts/audit").handler(rc -> contacts.audit()
        .thenCompose(a -> contacts.status())
        .whenComplete((st, err) -> {
          if (err != null) {
            send(rc, 500, error(500, message(err), "internal"));
          } else {
            send(rc, 200, st);
          }
        }));
  }

  @Override
  public void addStatus(JsonObject status) {
    if (contacts.publishing() != null) {
      status.put("contact_record", new JsonObject(contacts.publishing().status()));
    }
  }

  private void resolve(RoutingContext rc) {
    String printed = rc.pathParam("id");
    byte[] pk;
    try {
      pk = PrintedId.decode(printed);
    } catch (InvalidIdException e) {
      fail(rc, ResolveFailure.INVALID_ID, e.getMessage());
      return;
    }
    String id = PrintedId.encode(pk);
    contacts.resolve(pk, 0).whenComplete((resolved, err) -> {
      if (err == null) {
        send(rc, 200, ResolvedContactJson.toJson(resolved));
        return;
      }
      Throwable t = unwrap(err);
      if (t instanceof ContactResolveException e) {
        ResolveFailure f = ResolveFailure.of(e.kind());
        fail(rc, f, f.message(id, f == ResolveFailure.NOT_FOUND ? null : e.getMessage()));
      } else if (t instanceof IllegalArgumentException e) {
        fail(rc, ResolveFailure.INVALID_ID, "invalid id: " + e.getMessage());
      } else {
        fail(rc, ResolveFailure.NETWORK, "network error: " + message(t));
      }
    });
  }

  private static void fail(RoutingContext rc, ResolveFailure f, String message) {
    String m = f == ResolveFailure.INVALID_ID && !message.startsWith("invalid id") ? "invalid id: " + message : message;
    send(rc, f.httpStatus(), error(f.httpStatus(), m, f.kind()));
  }

  static JsonObject error(int status, String message, String kind) {
    return new JsonObject().put("error", message).put("status", status).put("kind", kind);
  }

  private static Throwable unwrap(Throwable e) {
    return Failures.unwrap(e);
  }

  private static String message(Throwable e) {
    Throwable t = unwrap(e);
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static void send(RoutingContext rc, int status, JsonObject body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .end(body.encode());
  }
}
