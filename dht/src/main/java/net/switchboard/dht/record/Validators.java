package net.switchboard.dht.record;

import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.RecordRejectedException.Reason;
import net.switchboard.dht.wire.Body.RawRecord;

/** The namespace validators a node runs; a record in an unregistered namespace is refused. */
public final class Validators {
  private final NamespaceValidator[] byNamespace = new NamespaceValidator[256];

  public Validators(List<NamespaceValidator> validators) {
    for (NamespaceValidator v : validators) {
      int ns = v.namespace() & 0xFF;
      if (byNamespace[ns] != null) {
        throw new IllegalArgumentException("two validators for namespace " + ns);
      }
      byNamespace[ns] = v;
    }
  }

  /** Validates a raw record into a {@link DhtRecord}. */
  public DhtRecord validate(RawRecord raw, long nowMillis) throws RecordRejectedException {
    return validate(raw.namespace(), raw.key(), raw.value(), nowMillis);
  }

  public DhtRecord validate(byte namespace, Id256 key, byte[] value, long nowMillis) throws RecordRejectedException {
    NamespaceValidator v = byNamespace[namespace & 0xFF];
    if (v == null) {
      throw new RecordRejectedException(Reason.UNKNOWN_NAMESPACE, "no validator for namespace " + (namespace & 0xFF));
    }
    RecordMeta meta = v.validate(key, value, nowMillis);
    return new DhtRecord(namespace, net.switchboard.dht.identity.Interning.id(key), value, meta);
  }
}
