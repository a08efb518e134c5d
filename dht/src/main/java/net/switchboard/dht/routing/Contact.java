package net.switchboard.dht.routing;

import com.github.benmanes.caffeine.cache.Interner;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Interning;
import net.switchboard.seam.Endpoint;

/** A node as others see it: its id and the endpoint it answers on. */
public record Contact(Id256 id, Endpoint endpoint) {
  private static final Interner<Contact> CANONICAL = Interner.newWeakInterner();

  public Contact {
    if (id == null || endpoint == null) {
      throw new IllegalArgumentException("a contact needs an id and an endpoint");
    }
  }

  /** The canonical contact (see {@link Interning}), built from the canonical id and endpoint. */
  public static Contact interned(Contact c) {
    Id256 id = Interning.id(c.id());
    Endpoint e = Interning.endpoint(c.endpoint());
    return CANONICAL.intern(id == c.id() && e == c.endpoint() ? c : new Contact(id, e));
  }

  @Override
  public String toString() {
    return id.shortHex() + "@" + endpoint;
  }
}
