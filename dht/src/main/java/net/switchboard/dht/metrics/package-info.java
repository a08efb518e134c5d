/** {@code DhtMetricsSink}: what the RPC engine, lookups and the router count into. */
package net.switchboard.dht.metrics;
