package net.switchboard.signaling.directory;

import java.util.List;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.dht.record.SignedRecordValidator;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactRecordValidator;

/** The record validators every node runs, in production and in the simulator alike. */
public final class StandardValidators {
  private StandardValidators() {}

  /** Namespace 1 signed records (lifetime capped by {@code dht}) and namespace 2 contact records. */
  public static List<NamespaceValidator> of(DhtConfig dht) {
    return List.of(
        new SignedRecordValidator(dht.maxRecordLifetimeMillis()),
        ContactRecordValidator.forPeriods(ContactPeriods.defaults()));
  }
}
