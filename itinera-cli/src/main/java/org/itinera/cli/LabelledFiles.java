package org.itinera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.text.LabelledText;
import org.itinera.text.SentimentLabel;

/**
 * Labelled texts from files for {@code itinera text train}: TSV ({@code text<TAB>label}, the
 * label last; {@code #} starts a comment) or, for names ending in {@code .csv}, CSV with the text
 * in the first column and the label in the last (quoted fields may hold commas and line breaks;
 * read by DuckDB's CSV reader). A first row whose label is {@code label} is a header.
 */
final class LabelledFiles {
  private LabelledFiles() {}

  static List<LabelledText> read(Path file, boolean binary) {
    if (!Files.exists(file)) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "--from", "file " + file + " does not exist");
    }
    List<String[]> rows = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
        ? csv(file) : tsv(file);
    List<LabelledText> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      if (row == null) {
        continue;
      }
      String where = file + " line " + (i + 1);
      String label = row[1].trim();
      if (i == 0 && label.equalsIgnoreCase("label")) {
        continue;
      }
      SentimentLabel parsed;
      try {
        parsed = binary ? binaryLabel(label) : SentimentLabel.parse(label);
      } catch (ItineraException e) {
        throw ItineraException.invalid(where, where + ": " + e.getMessage());
      }
      String text = row[0].trim();
      if (text.isEmpty()) {
        throw ItineraException.invalid(where, where + " has an empty text");
      }
      out.add(new LabelledText(text, parsed, 1.0, file.getFileName().toString()));
    }
    return out;
  }

  /** Text and label of each line; null for blank and comment lines. */
  private static List<String[]> tsv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "--from", "file " + file + " does not exist");
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "--from",
          "cannot read " + file + ": " + e.getMessage(), e);
    }
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        rows.add(null);
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        String where = file + " line " + (i + 1);
        throw ItineraException.invalid(where, where + " has no text<TAB>label; got '"
            + abbreviate(line) + "'");
      }
      rows.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
    }
    return rows;
  }

  /** First and last column of each record (records numbered from 1 as lines are). */
  private static List<String[]> csv(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps = c.prepareStatement("SELECT * FROM read_csv(?, header = false,"
            + " all_varchar = true, auto_detect = true)")) {
      ps.setString(1, file.toString());
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String text = rs.getString(1);
          String label = rs.getString(n);
          if (n < 2 || text == null || label == null) {
            String where = file + " record " + (rows.size() + 1);
            throw ItineraException.invalid(where, where + " needs a text and a label column");
          }
          rows.add(new String[] {text, label});
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "--from",
          "cannot read " + file + " as CSV: " + e.getMessage(), e);
    }
  }

  private static SentimentLabel binaryLabel(String label) {
    return switch (label) {
      case "0" -> SentimentLabel.NEGATIVE;
      case "1" -> SentimentLabel.POSITIVE;
      default -> throw ItineraException.invalid("label",
          "label was '" + label + "'; expected 0 or 1 with --binary");
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
