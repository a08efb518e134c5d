package net.switchboard.simulations.report;

import java.util.Map;

/** A minimal JSON writer for flat and nested maps of strings, numbers and maps (insertion order kept). */
final class Json {
  private Json() {}

  static String write(Map<String, ?> map) {
    StringBuilder sb = new StringBuilder();
    write(sb, map, "");
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Map<String, ?> map, String indent) {
    sb.append("{\n");
    int i = 0;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      sb.append(indent).append("  ").append(quote(e.getKey())).append(": ");
      value(sb, e.getValue(), indent + "  ");
      sb.append(++i < map.size() ? ",\n" : "\n");
    }
    sb.append(indent).append('}');
  }

  @SuppressWarnings("unchecked")
  private static void value(StringBuilder sb, Object v, String indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      write(sb, (Map<String, ?>) m, indent);
    } else if (v instanceof Double d) {
      sb.append(Num.json(d));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      sb.append(quote(v.toString()));
    }
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
