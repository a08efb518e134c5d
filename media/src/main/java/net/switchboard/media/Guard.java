package net.switchboard.media;

import java.lang.System.Logger.Level;

/**
 * Runs code from a native callback so that nothing escapes back into libwebrtc.
 *
 * <p>An exception (or error) that leaves a Java callback invoked from native code aborts the whole
 * JVM, so every observer, sink and callback in this package goes through {@link #run}.
 */
final class Guard {
  private static final System.Logger LOG = System.getLogger("net.switchboard.media");

  private Guard() {}

  /** Runs {@code body}, logging and swallowing any {@link Throwable}. */
  static void run(String where, Runnable body) {
    try {
      body.run();
    } catch (Throwable t) {
      try {
        LOG.log(Level.WARNING, "callback " + where + " failed", t);
      } catch (Throwable ignored) {
        // nothing may escape
      }
    }
  }

  /** Logs a failure that is reported but otherwise ignored (teardown steps). */
  static void quietly(String where, Runnable body) {
    try {
      body.run();
    } catch (Throwable t) {
      try {
        LOG.log(Level.DEBUG, where + " failed: " + t);
      } catch (Throwable ignored) {
        // nothing may escape
      }
    }
  }

  /** The package logger. */
  static System.Logger log() {
    return LOG;
  }
}
