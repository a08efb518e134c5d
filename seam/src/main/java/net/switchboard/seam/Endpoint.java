package net.switchboard.seam;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A network address: IPv4 (4 bytes) or IPv6 (16 bytes) plus a UDP port. Immutable. The simulator
 * hands out virtual addresses of the same shape so the wire codec is exercised unchanged.
 */
public final class Endpoint {
  private final byte[] address;
  private final int port;
  private final int hash;

  private Endpoint(byte[] address, int port) {
    this.address = address;
    this.port = port;
    this.hash = 31 * Arrays.hashCode(address) + port;
  }

  /** Builds an endpoint; refuses address lengths other than 4 or 16 and ports outside 1..65535. */
  public static Endpoint of(byte[] address, int port) {
    if (address == null || (address.length != 4 && address.length != 16)) {
      throw new IllegalArgumentException(
          "address must be 4 or 16 bytes, got " + (address == null ? "null" : address.length));
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
    return new Endpoint(address.clone(), port);
  }

  /** IPv4 endpoint from a 32-bit address (big-endian), handy for virtual networks. */
  public static Endpoint ipv4(int address, int port) {
    return of(
        new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address},
        port);
  }

  public static Endpoint of(InetSocketAddress socketAddress) {
    return of(socketAddress.getAddress().getAddress(), socketAddress.getPort());
  }

  /** Parses {@code host:port} or {@code [v6]:port}; the host must be a literal or resolvable name. */
  public static Endpoint parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'");
    }
    try {
      return of(InetAddress.getByName(host).getAddress(), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host '" + host + "'");
    }
  }

  public byte[] address() {
    return address.clone();
  }

  /** Number of address bytes (4 or 16), without copying. */
  public int addressLength() {
    return address.length;
  }

  /** Copies the address bytes into {@code dst} at {@code offset}. */
  public void copyAddress(byte[] dst, int offset) {
    System.arraycopy(address, 0, dst, offset, address.length);
  }

  public int port() {
    return port;
  }

  public InetSocketAddress toSocketAddress() {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // cannot happen for 4/16-byte arrays
    }
  }

  /** Textual host part, as accepted by {@link #parse}. */
  public String host() {
    return toSocketAddress().getAddress().getHostAddress();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e && e.port == port && Arrays.equals(e.address, address);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    String h = host();
    return (address.length == 16 ? "[" + h + "]" : h) + ":" + port;
  }
}
