package net.switchboard.dht.routing;

import net.switchboard.dht.identity.Id256;
import net.switchboard.seam.Endpoint;

/** A node as others see it: its id and the endpoint it answers on. */
public record Contact(Id256 id, Endpoint endpoint) {
  public Contact {
    if (id == null || endpoint == null) {
      throw new IllegalArgumentException("a contact needs an id and an endpoint");
    }
  }

  @Override
  public String toString() {
    return id.shortHex() + "@" + endpoint;
  }
}
