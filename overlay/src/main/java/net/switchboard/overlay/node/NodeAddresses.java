package net.switchboard.overlay.node;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.switchboard.seam.Endpoint;

/** The addresses a node can be reached at, for display: the bound one, or every local one for a wildcard bind. */
final class NodeAddresses {
  private NodeAddresses() {}

  static List<String> of(Endpoint bound) {
    InetAddress addr = bound.toSocketAddress().getAddress();
    if (!addr.isAnyLocalAddress()) {
      return List.of(bound.toString());
    }
    List<String> out = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a.getAddress().length == bound.addressLength() && !a.isLinkLocalAddress()) {
            out.add(Endpoint.of(a.getAddress(), bound.port()).toString());
          }
        }
      }
    } catch (SocketException e) {
      // no interface list: fall back to the wildcard itself
    }
    Collections.sort(out);
    return out.isEmpty() ? List.of(bound.toString()) : List.copyOf(out);
  }
}
