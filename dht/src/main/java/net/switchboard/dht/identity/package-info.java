/** Ed25519 identities, 256-bit ids (node ids and keys) and the checksummed printed id form. */
package net.switchboard.dht.identity;
