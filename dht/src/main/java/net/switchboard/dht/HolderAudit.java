package net.switchboard.dht;

/**
 * How many of a key's closest nodes hold a record.
 *
 * @param holders nodes holding seq &ge; the audited seq
 * @param asked nodes asked (up to k)
 */
public record HolderAudit(int holders, int asked) {}
