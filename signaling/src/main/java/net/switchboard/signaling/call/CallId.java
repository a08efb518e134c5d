package net.switchboard.signaling.call;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import net.switchboard.signaling.e2e.SignalingEnvelope;

/** 16 random bytes naming one call; ordered as unsigned big-endian numbers (the glare tie-break). */
public final class CallId implements Comparable<CallId> {
  public static final int BYTES = 16;
  private final byte[] bytes;

  private CallId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A fresh id from the injected generator. */
  public static CallId random(RandomGenerator random) {
    byte[] b = new byte[BYTES];
    SignalingEnvelope.fill(random, b);
    return new CallId(b);
  }

  /** @throws IllegalArgumentException unless 16 bytes */
  public static CallId of(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a call id is " + BYTES + " bytes, got " + bytes.length);
    }
    return new CallId(bytes.clone());
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public int compareTo(CallId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallId c && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes, 0, 6);
  }
}
