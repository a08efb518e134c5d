package net.switchboard.signaling.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The DTLS certificate fingerprints ({@code a=fingerprint:} lines, RFC 8122) of an SDP. The
 * envelope signature covers the whole SDP; {@link #check} additionally refuses an SDP whose media
 * would not be authenticated at all (no fingerprint, a malformed one, or sections that disagree).
 */
public final class SdpFingerprints {
  private static final Pattern HEX_PAIRS = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2})*");
  private static final Map<String, Integer> DIGEST_BYTES =
      Map.of("sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);

  /** One fingerprint: hash function (lowercase) and value (uppercase hex pairs with colons). */
  public record Fingerprint(String algorithm, String value) {
    @Override
    public String toString() {
      return algorithm + " " + value;
    }
  }

  private SdpFingerprints() {}

  /** Every {@code a=fingerprint:} line of {@code sdp}, in order, normalised. */
  public static List<Fingerprint> extract(String sdp) {
    List<Fingerprint> out = new ArrayList<>();
    for (String line : sdp.split("\r?\n")) {
      if (line.regionMatches(true, 0, "a=fingerprint:", 0, 14)) {
        String[] parts = line.substring(14).trim().split("\\s+");
        if (parts.length == 2) {
          out.add(new Fingerprint(parts[0].toLowerCase(Locale.ROOT), parts[1].toUpperCase(Locale.ROOT)));
        } else {
          out.add(new Fingerprint("", line.substring(14).trim()));
        }
      }
    }
    return out;
  }

  /**
   * Null when {@code sdp} carries at least one well-formed fingerprint of a known hash and all its
   * fingerprints are equal; otherwise why not.
   */
  public static String problem(String sdp) {
    List<Fingerprint> fps = extract(sdp);
    if (fps.isEmpty()) {
      return "SDP has no DTLS fingerprint";
    }
    for (Fingerprint f : fps) {
      Integer bytes = DIGEST_BYTES.get(f.algorithm());
      if (bytes == null) {
        return "unknown fingerprint hash '" + f.algorithm() + "'";
      }
      if (!HEX_PAIRS.matcher(f.value()).matches() || f.value().length() != bytes * 3 - 1) {
        return "malformed " + f.algorithm() + " fingerprint";
      }
      if (!f.equals(fps.get(0))) {
        return "SDP sections carry different fingerprints";
      }
    }
    return null;
  }

  /** True when {@link #problem} finds none. */
  public static boolean check(String sdp) {
    return problem(sdp) == null;
  }
}
