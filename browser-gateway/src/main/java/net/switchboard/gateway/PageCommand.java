package net.switchboard.gateway;

import io.vertx.core.json.JsonObject;
import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;

/** What {@link PageSession} asks the gateway to do for one page, in order. */
sealed interface PageCommand {
  /** Write one frame to the page. */
  record Write(JsonObject frame) implements PageCommand {}

  /** Close the socket with this WebSocket status. */
  record Close(short status, String reason) implements PageCommand {}

  /** Verify the page's answer to its challenge; result: {@code AuthVerified} / {@code AuthRefused}. */
  record VerifyAuth(byte[] publicKey, byte[] nonce, long timestampMillis, byte[] signature) implements PageCommand {}

  /** This session now speaks for {@code identity} (another session of it is replaced). */
  record Register(Id256 identity) implements PageCommand {}

  /** This session no longer speaks for {@code identity}. */
  record Unregister(Id256 identity) implements PageCommand {}

  /** Store records in the DHT; result: {@code Published}. */
  record Put(Object rid, List<DhtRecord> records) implements PageCommand {}

  /** Stop republishing a record of this page. */
  record Unpublish(Id256 key) implements PageCommand {}

  /** Look records up; result: {@code Got}. */
  record Get(Object rid, List<Id256> keys) implements PageCommand {}

  /** Route an envelope along the first route that works; result: {@code Sent}. */
  record Route(Object rid, List<Id256> routes, byte[] envelope) implements PageCommand {}

  /** Raise {@code RefreshDue} after {@code delayMillis}. */
  record ArmRefresh(long delayMillis) implements PageCommand {}

  /** Raise {@code DeliveryTimedOut(aid)} after {@code delayMillis}. */
  record ArmDeliveryTimeout(long aid, long delayMillis) implements PageCommand {}

  /** The page acknowledged envelope {@code aid} ({@code failure} null) or never will. */
  record Delivered(long aid, String failure) implements PageCommand {}

  /** Count an authentication refusal. */
  record CountAuthRefused() implements PageCommand {}
}
