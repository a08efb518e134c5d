/** The pure Kademlia routing table: k-buckets, least-recently-seen eviction, closest-contact queries. */
package net.switchboard.dht.routing;
