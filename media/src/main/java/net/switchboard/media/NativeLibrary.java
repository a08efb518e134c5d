package net.switchboard.media;

/**
 * Turns a failure to load webrtc-java's native library into one line a person can act on. The
 * library links {@code libpulse.so.0}; on a machine without it the JVM throws an {@link
 * UnsatisfiedLinkError} (later uses of the class, a {@link NoClassDefFoundError}) with a long
 * native message.
 */
final class NativeLibrary {
  static final String PULSE_HINT = "webrtc-java needs libpulse.so.0: install it (Debian/Ubuntu: apt-get install libpulse0)";

  private NativeLibrary() {}

  /** The failure as a {@link MediaException} whose message says what to install when that is the cause. */
  static MediaException explain(LinkageError e) {
    String all = chainText(e);
    if (all.contains("libpulse")) {
      return new MediaException(PULSE_HINT, e);
    }
    return new MediaException("cannot load webrtc-java's native library: " + firstLine(e), e);
  }

  private static String chainText(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
      sb.append(t).append('\n');
    }
    return sb.toString();
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
