package net.switchboard.signaling.contact;

/** What a publisher can take in a call; each has a fixed bit in the record's media flags byte. */
public enum MediaCapability {
  AUDIO(0x01),
  VIDEO(0x02),
  /** WebRTC data channel: chat, file transfer. */
  DATA(0x04);

  final int bit;

  MediaCapability(int bit) {
    this.bit = bit;
  }

  /** Every flag bit this version defines; the others must be zero. */
  static final int KNOWN_BITS = 0x07;
}
