package net.switchboard.seam;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place that takes futures' wrappers off a failure, for messages and error mapping. */
public final class Failures {
  private Failures() {}

  /** {@code t} without the {@link CompletionException}, {@link ExecutionException} and {@link UncheckedIOException} around it. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException || c instanceof UncheckedIOException)
        && c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * What to tell a user about {@code t}: the unwrapped failure's message ("timed out" for a
   * timeout, the class name when there is no message).
   */
  public static String message(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof java.util.concurrent.TimeoutException) {
      return "timed out";
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  /** The innermost cause's message, or its class name when it has none. */
  public static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
