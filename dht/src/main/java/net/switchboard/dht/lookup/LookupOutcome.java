package net.switchboard.dht.lookup;

import java.util.List;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.routing.Contact;

/**
 * What a lookup found.
 *
 * @param closest up to k contacts closest to the target that answered
 * @param record the valid record found (FIND_VALUE only), or null
 * @param hops depth of the answering node that ended the lookup
 * @param rpcs queries sent
 */
public record LookupOutcome(List<Contact> closest, DhtRecord record, int hops, int rpcs) {}
