package net.switchboard.dht;

import net.switchboard.dht.wire.MessageType;

/** What the RPC engine reports into; {@link DhtMetrics} is the implementation. */
public interface DhtMetricsSink {
  void sent(MessageType type, int bytes);

  void received(MessageType type, int bytes);

  void receivedBytes(int bytes);

  void increment(String name);
}
