/**
 * The Kademlia node ({@link net.switchboard.dht.DhtNode}) and its configuration. Subpackages:
 * {@code seam} (time, network), {@code identity}, {@code wire}, {@code routing}, {@code rpc},
 * {@code lookup}, {@code record}, {@code route}.
 */
package net.switchboard.dht;
