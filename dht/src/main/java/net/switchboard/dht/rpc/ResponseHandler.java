package net.switchboard.dht.rpc;

import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.wire.Body;

/** Outcome of one outgoing request. Exactly one method is called, exactly once. */
public interface ResponseHandler {
  /** A response arrived from a peer whose id is proven. */
  void onResponse(Contact from, Body body);

  /** No valid response after all retries (timeout, or the peer proved another id). */
  void onFailure();
}
