package net.switchboard.gateway;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What can happen to one page's session: frames from the page, results of the work the gateway
 * did for it, envelopes for it, timers, the socket closing. {@link PageSession} turns each into
 * {@link PageCommand}s.
 */
sealed interface PageEvent {
  /** A text frame from the page, parsed as JSON, at {@code nowMillis}. */
  record Frame(JsonObject message, long nowMillis) implements PageEvent {}

  /** A text frame that is not JSON. */
  record Unparsable(String problem) implements PageEvent {}

  /** The page's answer to the challenge verified: it is {@code publicKey}. */
  record AuthVerified(byte[] publicKey, long nowMillis) implements PageEvent {}

  /** The page's answer to the challenge was refused ({@code code} as in {@link AuthChallenges.Refusal}). */
  record AuthRefused(String code, String message) implements PageEvent {}

  /** A publish finished: how many nodes stored each record, or why it failed. */
  record Published(Object rid, List<Integer> stored, String error) implements PageEvent {}

  /** A get finished: one base64 value (or null) per key asked. */
  record Got(Object rid, List<String> values) implements PageEvent {}

  /** An envelope the page sent was delivered ({@code error} null) or not. */
  record Sent(Object rid, String error) implements PageEvent {}

  /** An envelope for this page, to be acknowledged as {@code aid}. */
  record Deliver(long aid, String envelopeBase64) implements PageEvent {}

  /** The page did not acknowledge {@code aid} in time. */
  record DeliveryTimedOut(long aid) implements PageEvent {}

  /** A record's refresh time came. */
  record RefreshDue() implements PageEvent {}

  /** The same identity logged in on another connection. */
  record Replaced() implements PageEvent {}

  /** The WebSocket closed. */
  record Closed() implements PageEvent {}
}
