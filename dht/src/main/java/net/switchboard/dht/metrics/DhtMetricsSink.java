package net.switchboard.dht.metrics;

import net.switchboard.dht.wire.MessageType;

/** What the RPC engine reports into; {@code net.switchboard.dht.DhtMetrics} is the implementation. */
public interface DhtMetricsSink {
  void sent(MessageType type, int bytes);

  void received(MessageType type, int bytes);

  void receivedBytes(int bytes);

  void increment(String name);
}
