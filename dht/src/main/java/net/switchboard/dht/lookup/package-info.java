/** Iterative Kademlia lookups: a pure state machine ({@link net.switchboard.dht.lookup.Lookup}) and its RPC driver. */
package net.switchboard.dht.lookup;
