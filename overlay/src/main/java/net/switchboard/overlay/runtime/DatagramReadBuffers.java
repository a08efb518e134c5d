package net.switchboard.overlay.runtime;

import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.vertx.core.datagram.DatagramSocket;
import java.lang.reflect.Field;

/**
 * Sizes the per-read buffer of a Vert.x datagram socket independently of its kernel receive buffer.
 *
 * <p>Vert.x 5.2 ties the two: {@code DatagramSocketOptions.setReceiveBufferSize(n)} sets both
 * {@code SO_RCVBUF} and a fixed <em>per-datagram</em> read buffer of {@code n} bytes, and leaving
 * it unset keeps Netty's 2048-byte read buffer, which silently truncates larger datagrams. A node
 * wants a large kernel buffer (bursts from hundreds of peers) and a read buffer just above the
 * largest UDP payload. The only handle on the read buffer is the socket's Netty channel, reached
 * here by reflection; if that fails (another Vert.x version), the socket stays correct, only
 * with larger reads.
 */
final class DatagramReadBuffers {
  /** Largest UDP payload over IPv4, so an oversize datagram arrives whole and can be counted. */
  static final int READ_BUFFER_BYTES = 65_536;

  private DatagramReadBuffers() {}

  /** Returns true when the per-read buffer of {@code socket} now holds {@code bytes}. */
  static boolean setReadBufferSize(DatagramSocket socket, int bytes) {
    try {
      DatagramChannel channel = channelOf(socket);
      if (channel == null) {
        return false;
      }
      RecvByteBufAllocator old = channel.config().getRecvByteBufAllocator();
      FixedRecvByteBufAllocator fixed = new FixedRecvByteBufAllocator(bytes);
      if (old instanceof MaxMessagesRecvByteBufAllocator m) {
        fixed.maxMessagesPerRead(m.maxMessagesPerRead());
      }
      channel.config().setRecvByteBufAllocator(fixed);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The Netty channel held by the socket or one of its superclasses (the socket may be a subclass). */
  private static DatagramChannel channelOf(DatagramSocket socket) throws IllegalAccessException {
    for (Class<?> c = socket.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (DatagramChannel.class.isAssignableFrom(f.getType())) {
          f.setAccessible(true);
          return (DatagramChannel) f.get(socket);
        }
      }
    }
    return null;
  }
}
