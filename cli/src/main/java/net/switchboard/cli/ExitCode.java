package net.switchboard.cli;

import java.util.Locale;

/**
 * The one exit-code table of every {@code switchboard} command (README.md, "Exit codes and
 * errors"). Each failure also prints one line on stderr and, under {@code --json}, one document
 * {@code {"error": {"code": <name>, "exit": <n>, "message": <line>}}} on stdout.
 */
public enum ExitCode {
  OK(0, "success"),
  FAILED(1, "the command failed: network error, timeout, no node running, media or transfer failure"),
  BAD_INPUT(2, "bad input: unknown option, bad value, mistyped id, missing file"),
  NOT_FOUND(3, "not found: no contact record for the id, or no such contact"),
  UNREACHABLE(4, "unreachable: the callee is offline or refused the call (the two look the same on purpose)"),
  REJECTED(5, "the callee rejected the call"),
  BUSY(6, "the callee is busy"),
  NO_ANSWER(7, "no answer in time"),
  EXPIRED(8, "the contact record found has expired"),
  NOT_ALLOWED(9, "not allowed: the record is restricted and you are not on its contact list"),
  FORGED(10, "forged: a record under the id's storage key does not verify or decrypt");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** What it means, as the README's table and {@code --help} say it. */
  public String meaning() {
    return meaning;
  }

  /** The lowercase name used in the JSON error document ({@code not_found}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Picocli's {@code exitCodeList} lines for a command that can end with {@code codes}. */
  static String[] helpLines(ExitCode... codes) {
    String[] lines = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      lines[i] = codes[i].code + ":" + codes[i].meaning;
    }
    return lines;
  }
}
