/**
 * Key-based multi-hop routing ({@link net.switchboard.dht.route.Router}): fragments, hop-level
 * acknowledgements, routing around dead hops, reverse-path replies, duplicate drop and per-source
 * rate limits.
 */
package net.switchboard.dht.route;
