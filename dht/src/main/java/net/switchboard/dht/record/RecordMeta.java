package net.switchboard.dht.record;

/** What a storage node learns from a valid record: its version and when it stops being valid. */
public record RecordMeta(long seq, long expiresAtMillis) {}
