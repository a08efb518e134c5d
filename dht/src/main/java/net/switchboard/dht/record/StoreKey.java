package net.switchboard.dht.record;

import net.switchboard.dht.identity.Id256;

/** Where a record lives in a node's store: its namespace and key. */
public record StoreKey(byte namespace, Id256 key) {}
