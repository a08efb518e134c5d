package net.switchboard.signaling.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict, small JSON reader (RFC 8259) for PeerJS server messages: Map, List, String, Double, Boolean, null. */
final class Json {
  private static final int MAX_DEPTH = 32;
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  static Object parse(String text) throws PeerJsMessage.MalformedPeerJsException {
    Json j = new Json(text);
    try {
      Object v = j.value(0);
      j.ws();
      if (j.i != text.length()) {
        throw j.error("trailing characters");
      }
      return v;
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw j.error("truncated or malformed");
    }
  }

  private PeerJsMessage.MalformedPeerJsException error(String what) {
    return new PeerJsMessage.MalformedPeerJsException("JSON " + what + " at " + i);
  }

  private void ws() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private Object value(int depth) throws PeerJsMessage.MalformedPeerJsException {
    if (depth > MAX_DEPTH) {
      throw error("nested too deep");
    }
    ws();
    char c = s.charAt(i);
    if (c == '{') {
      i++;
      Map<String, Object> m = new LinkedHashMap<>();
      ws();
      if (s.charAt(i) == '}') {
        i++;
        return m;
      }
      while (true) {
        ws();
        if (s.charAt(i) != '"') {
          throw error("expected a key");
        }
        String k = string();
        ws();
        expect(':');
        m.put(k, value(depth + 1));
        ws();
        if (s.charAt(i) == ',') {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }
    if (c == '[') {
      i++;
      List<Object> l = new ArrayList<>();
      ws();
      if (s.charAt(i) == ']') {
        i++;
        return l;
      }
      while (true) {
        l.add(value(depth + 1));
        ws();
        if (s.charAt(i) == ',') {
          i++;
        } else {
          expect(']');
          return l;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    if (s.startsWith("true", i)) {
      i += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", i)) {
      i += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", i)) {
      i += 4;
      return null;
    }
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (start == i) {
      throw error("unexpected '" + c + "'");
    }
    return Double.parseDouble(s.substring(start, i));
  }

  private void expect(char c) throws PeerJsMessage.MalformedPeerJsException {
    if (s.charAt(i) != c) {
      throw error("expected '" + c + "'");
    }
    i++;
  }

  private String string() throws PeerJsMessage.MalformedPeerJsException {
    i++; // opening quote
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw error("bad escape");
      }
    }
  }
}
