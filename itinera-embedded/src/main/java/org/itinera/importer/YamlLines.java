package org.itinera.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field in a YAML document, keyed by path ({@code timestamp.format},
 * {@code properties[2].column}). A parsed tree forgets where its nodes came from, so the document
 * is walked once more as tokens to remember it; messages can then point at the line to fix.
 */
final class YamlLines {
  private YamlLines() {}

  static Map<String, Integer> of(String yaml) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      if (p.nextToken() != null) {
        walk(p, "", lines);
      }
    }
    return lines;
  }

  private static void walk(JsonParser p, String path, Map<String, Integer> lines)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
        lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
        p.nextToken();
        walk(p, child, lines);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String child = path + "[" + i++ + "]";
        lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
        walk(p, child, lines);
      }
    }
  }
}
