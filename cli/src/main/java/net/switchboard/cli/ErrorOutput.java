package net.switchboard.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;

/** Prints a failure the one way every command does: a line on stderr, and the JSON document under {@code --json}. */
final class ErrorOutput {
  private ErrorOutput() {}

  /** {@code {"error": {"code": "not_found", "exit": 3, "message": "..."}}}. */
  static JsonObject document(ExitCode code, String message) {
    return new JsonObject().put("error",
        new JsonObject().put("code", code.key()).put("exit", code.code()).put("message", message));
  }

  /** Prints {@code message} as one line ({@code <command>: <message>}) and, when {@code json}, the document; returns the exit status. */
  static int fail(String command, ExitCode code, String message, boolean json, PrintWriter out, PrintWriter err) {
    String line = oneLine(message);
    err.println(command + ": " + line);
    err.flush();
    if (json) {
      out.println(document(code, line).encode());
      out.flush();
    }
    return code.code();
  }

  static String oneLine(String s) {
    return s == null ? "failed" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
