package org.itinera.demo;

/**
 * A minimal JSON object writer. The generator emits tens of millions of small objects at the
 * large sizes; building maps and handing them to a general-purpose serialiser would dominate the
 * cost, so properties are written straight into a StringBuilder in a fixed key order.
 */
final class JsonOut {
  private final StringBuilder sb;
  private boolean empty = true;
  private String channel;

  JsonOut() {
    sb = new StringBuilder(192);
    sb.append('{');
  }

  /** Writes the channel property and remembers it for the message's channel field. */
  JsonOut channel(String value) {
    channel = value;
    return put("channel", value);
  }

  String channel() {
    return channel;
  }

  JsonOut put(String key, String value) {
    if (value != null) {
      key(key);
      quote(sb, value);
    }
    return this;
  }

  JsonOut put(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  JsonOut put(String key, double value) {
    key(key);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      sb.append((long) value);
    } else {
      sb.append(value);
    }
    return this;
  }

  JsonOut put(String key, boolean value) {
    key(key);
    sb.append(value);
    return this;
  }

  /** Adds an already-encoded JSON value (object or array); skipped when null. */
  JsonOut raw(String key, String json) {
    if (json != null) {
      key(key);
      sb.append(json);
    }
    return this;
  }

  JsonOut strings(String key, String[] values) {
    key(key);
    sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(sb, values[i]);
    }
    sb.append(']');
    return this;
  }

  String done() {
    sb.append('}');
    return sb.toString();
  }

  /** Keys are the generator's own identifiers, so they are written without escaping. */
  private void key(String key) {
    if (!empty) {
      sb.append(',');
    }
    empty = false;
    sb.append('"').append(key).append("\":");
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    int clean = 0;
    while (clean < s.length()) {
      char c = s.charAt(clean);
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      clean++;
    }
    if (clean == s.length()) {
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, clean);
    for (int i = clean; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
