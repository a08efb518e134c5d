package net.switchboard.signaling.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.switchboard.signaling.transport.PeerJsMessage.MalformedPeerJsException;

/**
 * PeerJS server messages to and from JSON, through jackson-core's streaming parser and generator.
 * Reading is strict RFC 8259 (no comments, trailing commas, duplicate keys or trailing content) and
 * bounded: at most {@link #MAX_MESSAGE_CHARS} characters and {@link #MAX_DEPTH} levels; everything
 * else is a {@link MalformedPeerJsException}. Values come back as Map, List, String, Double,
 * Boolean or null.
 */
final class PeerJsJson {
  /** Largest message read: a base64 signaling envelope of the largest size, with room to spare. */
  static final int MAX_MESSAGE_CHARS = 128 * 1024;
  /** Deepest nesting read. */
  static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxDocumentLength(MAX_MESSAGE_CHARS)
          .maxStringLength(MAX_MESSAGE_CHARS)
          .maxNameLength(MAX_MESSAGE_CHARS)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private PeerJsJson() {}

  /** Parses one message. */
  static Object parse(String text) throws MalformedPeerJsException {
    if (text == null || text.isEmpty()) {
      throw new MalformedPeerJsException("JSON empty");
    }
    if (text.length() > MAX_MESSAGE_CHARS) {
      throw new MalformedPeerJsException("JSON of " + text.length() + " characters exceeds " + MAX_MESSAGE_CHARS);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      Object v = value(p, p.nextToken());
      if (p.nextToken() != null) {
        throw new MalformedPeerJsException("JSON trailing content at " + p.currentLocation().getCharOffset());
      }
      return v;
    } catch (JsonProcessingException e) { // parse errors and broken read constraints
      throw new MalformedPeerJsException("JSON " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedPeerJsException("JSON " + e.getMessage());
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException, MalformedPeerJsException {
    if (t == null) {
      throw new MalformedPeerJsException("JSON truncated");
    }
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonToken next;
        while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          m.put(key, value(p, p.nextToken()));
        }
        if (next != JsonToken.END_OBJECT) {
          throw new MalformedPeerJsException("JSON truncated object");
        }
        yield m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          l.add(value(p, next)); // null (the end of input) is refused there
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new MalformedPeerJsException("JSON unexpected " + t);
    };
  }

  /**
   * {@code {"type":type}}, then {@code "dst":dst} when dst is not null, then {@code
   * "payload":{payloadKey:payloadValue}} when payloadKey is not null.
   */
  static String write(String type, String dst, String payloadKey, String payloadValue) {
    StringWriter out = new StringWriter(64 + (payloadValue == null ? 0 : payloadValue.length()));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", type);
      if (dst != null) {
        g.writeStringField("dst", dst);
      }
      if (payloadKey != null) {
        g.writeObjectFieldStart("payload");
        g.writeStringField(payloadKey, payloadValue);
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }
}
