package org.itinera.journey;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * YAML read into plain values that remember where they were written, so that validation can say
 * "line 14, rules[2].when.channel". Jackson's tree model drops locations, hence this small reader
 * over the streaming parser.
 */
final class YamlTree {
  private YamlTree() {}

  /** A value (a map, a list, a scalar's text, or null) with its 1-based line and column. */
  record Node(Object value, int line, int column) {
    @SuppressWarnings("unchecked")
    Map<String, Node> map() {
      return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    List<Node> list() {
      return (List<Node>) value;
    }

    boolean isMap() {
      return value instanceof Map;
    }

    boolean isList() {
      return value instanceof List;
    }

    boolean isScalar() {
      return value instanceof String;
    }

    String kind() {
      return isMap() ? "a map" : isList() ? "a list"
          : value == null ? "nothing" : "'" + value + "'";
    }
  }

  static Node parse(String yaml, String source) {
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      if (p.nextToken() == null) {
        return new Node(null, 1, 1);
      }
      return read(p, source);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ItineraException(ErrorCode.CONFIG_INVALID, null, source + ":" + where
          + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, null, "cannot read " + source, e);
    }
  }

  private static Node read(JsonParser p, String source) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Node> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = p.currentTokenLocation().getLineNr();
        p.nextToken();
        if (map.put(key, read(p, source)) != null) {
          throw new ItineraException(ErrorCode.CONFIG_INVALID, key, source + ": line " + keyLine
              + ": key '" + key + "' appears twice in the same map");
        }
      }
      return new Node(map, line, column);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(p, source));
      }
      return new Node(list, line, column);
    }
    return new Node(t == JsonToken.VALUE_NULL ? null : p.getText(), line, column);
  }
}
