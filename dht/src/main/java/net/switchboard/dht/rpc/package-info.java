/** Request/response engine: request ids, timeouts, retries, node-id proofs, drop-and-count of bad input. */
package net.switchboard.dht.rpc;
