package net.switchboard.overlay.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link VertxUdpTransport} did, including everything it dropped. Written from the node's
 * thread and Vert.x callbacks, read from anywhere.
 */
public final class TransportCounters {
  final LongAdder sent = new LongAdder();
  final LongAdder sendFailed = new LongAdder();
  final LongAdder sendDroppedOversize = new LongAdder();
  final LongAdder received = new LongAdder();
  final LongAdder receivedDroppedOversize = new LongAdder();
  final LongAdder receivedDroppedNoReceiver = new LongAdder();
  final LongAdder receivedDroppedBadSender = new LongAdder();
  final LongAdder receiverFailed = new LongAdder();

  /** Datagrams handed to the socket. */
  public long sent() {
    return sent.sum();
  }

  /** Sends the socket reported as failed, plus sends refused before reaching it. */
  public long sendFailed() {
    return sendFailed.sum() + sendDroppedOversize.sum();
  }

  /** Datagrams delivered to the receiver. */
  public long received() {
    return received.sum();
  }

  /** Incoming datagrams that were not delivered, for any reason. */
  public long receivedDropped() {
    return receivedDroppedOversize.sum() + receivedDroppedNoReceiver.sum() + receivedDroppedBadSender.sum();
  }

  /** Every counter by name ({@code udp_...}), for metrics output. */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new TreeMap<>();
    m.put("udp_sent", sent.sum());
    m.put("udp_send_failed", sendFailed.sum());
    m.put("udp_send_dropped_oversize", sendDroppedOversize.sum());
    m.put("udp_received", received.sum());
    m.put("udp_received_dropped_oversize", receivedDroppedOversize.sum());
    m.put("udp_received_dropped_no_receiver", receivedDroppedNoReceiver.sum());
    m.put("udp_received_dropped_bad_sender", receivedDroppedBadSender.sum());
    m.put("udp_receiver_failed", receiverFailed.sum());
    return m;
  }
}
