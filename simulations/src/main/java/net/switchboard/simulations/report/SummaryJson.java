package net.switchboard.simulations.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * summary.json's text, through jackson-core's generator: nested maps of strings, numbers and
 * booleans in insertion order, two-space indent, {@code "key": value}, doubles as {@link Num#json}
 * writes them (NaN and infinities as null), and a final newline.
 */
final class SummaryJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SummaryJson() {}

  static String write(Map<String, ?> map) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new Layout());
      value(g, map);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.append('\n').toString();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(e.getKey().toString());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Double d) {
      String text = Num.json(d);
      if (text.equals("null")) {
        g.writeNull();
      } else {
        g.writeNumber(text);
      }
    } else if (v instanceof Number n) {
      g.writeNumber(n.toString());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  /** Jackson's pretty printer with {@code ": "} after keys and an empty object as "{", newline, "}". */
  private static final class Layout extends DefaultPrettyPrinter {
    Layout() {
      indentObjectsWith(new DefaultIndenter("  ", "\n"));
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Layout();
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      if (entries > 0) {
        super.writeEndObject(g, entries);
        return;
      }
      _nesting--;
      _objectIndenter.writeIndentation(g, _nesting);
      g.writeRaw('}');
    }
  }
}
