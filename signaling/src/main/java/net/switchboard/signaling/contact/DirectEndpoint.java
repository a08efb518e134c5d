package net.switchboard.signaling.contact;

import java.nio.charset.StandardCharsets;

/**
 * A network address a publisher can be reached at directly: a host name or IP literal and a UDP
 * port. Optional in a record: listing one reveals the publisher's address to every resolver.
 */
public record DirectEndpoint(String host, int port) {
  /** Longest host, in UTF-8 bytes (a DNS name's limit). */
  public static final int MAX_HOST_BYTES = 253;

  /** @throws IllegalArgumentException naming the bad host or port */
  public DirectEndpoint {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("endpoint host must not be empty");
    }
    int bytes = host.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_HOST_BYTES) {
      throw new IllegalArgumentException("endpoint host of " + bytes + " bytes exceeds " + MAX_HOST_BYTES);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("endpoint port must be 1..65535, got " + port);
    }
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
