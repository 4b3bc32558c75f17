package org.itinera.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the committed evaluation sets (see src/test/resources/org/itinera/text/SOURCE.md). */
final class LabelledSets {
  /** One evaluation row; emotion is null where the set has none. */
  record Row(SentimentLabel label, Emotion emotion, String text) {}

  private LabelledSets() {}

  /** Rows of {@code label<TAB>...<TAB>text}; for the customer-service sets column 2 is emotion. */
  static List<Row> read(String name) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = LabelledSets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        Emotion emotion = f.length == 3
            ? Emotion.valueOf(f[1].toUpperCase(Locale.ROOT)) : null;
        rows.add(new Row(SentimentLabel.parse(f[0]), emotion, f[f.length - 1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
