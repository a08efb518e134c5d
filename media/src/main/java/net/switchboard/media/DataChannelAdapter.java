package net.switchboard.media;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link MessageChannel} over a webrtc-java {@link RTCDataChannel}.
 *
 * <p>webrtc-java 0.14.0 sends the whole backing array of a heap buffer, whatever its position and
 * limit, so every message is wrapped from an array of exactly its size.
 */
final class DataChannelAdapter implements MessageChannel {
  private final RTCDataChannel channel;

  DataChannelAdapter(RTCDataChannel channel) {
    this.channel = channel;
  }

  @Override
  public void sendText(String text) {
    send(text.getBytes(StandardCharsets.UTF_8), false);
  }

  @Override
  public void sendBinary(byte[] message) {
    send(message, true);
  }

  private void send(byte[] exact, boolean binary) {
    if (!isOpen()) {
      throw new MediaException("data channel " + channel.getLabel() + " is not open");
    }
    try {
      channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(exact), binary));
    } catch (Exception e) {
      throw new MediaException("send on " + channel.getLabel() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long bufferedAmount() {
    return channel.getBufferedAmount();
  }

  @Override
  public boolean isOpen() {
    return channel.getState() == RTCDataChannelState.OPEN;
  }
}
