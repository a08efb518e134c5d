package net.switchboard.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import net.switchboard.seam.Endpoint;

/** Where a short-lived command's node binds, from the nodes it joins through. */
final class BindHost {
  private BindHost() {}

  /** Loopback when every bootstrap node is on loopback (tests, one machine), else every interface. */
  static String forBootstrap(List<Endpoint> via) {
    for (Endpoint e : via) {
      try {
        if (!InetAddress.getByAddress(e.address()).isLoopbackAddress()) {
          return "0.0.0.0";
        }
      } catch (IOException ex) {
        return "0.0.0.0";
      }
    }
    return "127.0.0.1";
  }
}
