/**
 * The versioned binary wire format: {@link net.switchboard.dht.wire.Envelope} (common header) and
 * {@link net.switchboard.dht.wire.Body} (one record per message type), encoded and decoded by
 * {@link net.switchboard.dht.wire.WireCodec}. See docs/wire-format.md.
 */
package net.switchboard.dht.wire;
