package net.switchboard.dht.route;

/**
 * The destination's answer to a routed message.
 *
 * @param payload the reply bytes (empty for a bare delivery acknowledgement)
 * @param hops nodes the message passed through, origin included, before it reached the destination
 */
public record RouteReply(byte[] payload, int hops) {}
