package net.switchboard.dht;

import java.util.Optional;
import net.switchboard.dht.record.DhtRecord;

/**
 * Outcome of resolving a key.
 *
 * @param record the valid record, if found
 * @param hops depth of the node that answered (0 when held locally)
 * @param rpcs requests sent
 */
public record GetResult(Optional<DhtRecord> record, int hops, int rpcs) {}
