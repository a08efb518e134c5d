package net.switchboard.dht.rpc;

import net.switchboard.dht.identity.Id256;
import net.switchboard.seam.Endpoint;
import net.switchboard.dht.wire.Body;

/** Serves incoming requests; implemented by the node. */
public interface RequestServer {
  /**
   * Answers a request.
   *
   * @param from where the datagram came from
   * @param claimedId the sender's claimed node id
   * @param proven whether {@code claimedId} has been proven for {@code from}
   * @return the response body, or null to send nothing
   */
  Body serve(Endpoint from, Id256 claimedId, boolean proven, Body request);

  /**
   * As {@link #serve(Endpoint, Id256, boolean, Body)}, told whether the sender is a short-lived
   * client that must not enter routing tables.
   */
  default Body serve(Endpoint from, Id256 claimedId, boolean proven, boolean client, Body request) {
    return serve(from, claimedId, proven, request);
  }
}
