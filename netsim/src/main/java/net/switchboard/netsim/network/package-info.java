/**
 * The virtual network: nodes placed in a latency space ({@link
 * net.switchboard.netsim.network.LatencyModel}), datagrams delivered as copies after the
 * modelled one-way delay, optional random loss, and partitions opened and healed at given times.
 * Each node gets a {@link net.switchboard.netsim.network.SimTransport} with a virtual IPv4
 * address, so the production wire codec runs unchanged.
 */
package net.switchboard.netsim.network;
