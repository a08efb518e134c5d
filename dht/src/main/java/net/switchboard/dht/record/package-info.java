/**
 * Records: the generic {@link net.switchboard.dht.record.DhtRecord}, per-namespace validators
 * (namespace 1: {@link net.switchboard.dht.record.SignedRecord}), and the expiring store.
 */
package net.switchboard.dht.record;
