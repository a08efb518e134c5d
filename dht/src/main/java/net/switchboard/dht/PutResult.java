package net.switchboard.dht;

/**
 * Outcome of publishing a record.
 *
 * @param stored nodes that acknowledged holding it (including this node if it is among the k closest)
 * @param closest nodes it was offered to
 * @param hops depth of the closest node found
 * @param rpcs requests sent (lookup and stores)
 */
public record PutResult(int stored, int closest, int hops, int rpcs) {}
