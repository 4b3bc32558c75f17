package org.itinera.text.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.text.SentimentLabel;

/**
 * Readers for the external data sets and the split rules, in one place so that the split is
 * written down once: NSMC rows whose review id is divisible by 20 are test rows; in MR and each
 * UCI file every tenth line (0-based index divisible by 10) is a test row. NSMC's binary task
 * is ratings 1-4 negative, 9-10 positive, 5-8 left out, as in the published NSMC.
 */
final class Corpora {
  /** One labelled row of a corpus, with whether the split rule puts it in the test part. */
  record Row(String source, String id, String text, SentimentLabel label, boolean test) {}

  private Corpora() {}

  static List<Row> nsmc(Path dataDir) {
    Path file = dataDir.resolve("nsmc/reviews.tsv.gz");
    List<Row> rows = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
      String line = in.readLine();
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String[] f = line.split("\t", -1);
        if (f.length < 5 || f[4].isBlank()) {
          continue;
        }
        int rating = parseInt(f[3], file, lineNo);
        SentimentLabel label = rating <= 4 ? SentimentLabel.NEGATIVE
            : rating >= 9 ? SentimentLabel.POSITIVE : null;
        if (label != null) {
          long id = Long.parseLong(f[0]);
          rows.add(new Row("nsmc", f[0], f[4], label, id % 20 == 0));
        }
      }
    } catch (IOException e) {
      throw io(file, e);
    }
    return rows;
  }

  static List<Row> english(Path dataDir) {
    List<Row> rows = new ArrayList<>();
    Path mr = dataDir.resolve("mr-polarity");
    lines(mr.resolve("rt-polarity.neg"), "mr", rows, SentimentLabel.NEGATIVE);
    lines(mr.resolve("rt-polarity.pos"), "mr", rows, SentimentLabel.POSITIVE);
    for (String name : List.of("amazon_cells", "imdb", "yelp")) {
      Path file = dataDir.resolve("uci-sentiment/" + name + "_labelled.txt");
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).split("\t");
        if (f.length != 2) {
          continue;
        }
        SentimentLabel label = f[1].trim().equals("1") ? SentimentLabel.POSITIVE
            : SentimentLabel.NEGATIVE;
        rows.add(new Row(name.replace("_cells", ""), name + ":" + i, f[0].trim(), label,
            i % 10 == 0));
      }
    }
    return rows;
  }

  private static void lines(Path file, String source, List<Row> rows, SentimentLabel label) {
    List<String> lines = read(file);
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).trim();
      if (!text.isEmpty()) {
        rows.add(new Row(source, label.code() + ":" + i, text, label, i % 10 == 0));
      }
    }
  }

  /** A TSV of {@code label<TAB>text} (or {@code label<TAB>emotion<TAB>text}); # starts a comment. */
  static List<Row> labelledTsv(Path file, String source) {
    List<Row> rows = new ArrayList<>();
    List<String> lines = read(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 2) {
        throw ItineraException.invalid("line " + (i + 1),
            file + " line " + (i + 1) + " has no tab; expected label<TAB>text");
      }
      rows.add(new Row(source, file.getFileName() + ":" + (i + 1), f[f.length - 1].trim(),
          SentimentLabel.parse(f[0]), false));
    }
    return rows;
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw io(file, e);
    }
  }

  /** The key under which two texts count as duplicates: case, spacing and edges ignored. */
  static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static int parseInt(String s, Path file, int line) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw ItineraException.invalid("rating",
          file + " line " + line + ": rating was '" + s + "'; expected 1-10");
    }
  }

  private static ItineraException io(Path file, IOException e) {
    return new ItineraException(ErrorCode.IO_FAILURE, null,
        "cannot read " + file + ": " + e.getMessage(), e);
  }
}
