package org.itinera.importer;

import java.nio.file.Path;
import java.util.Locale;
import org.itinera.ItineraException;

/** The input formats DuckDB reads for an import. */
public enum FileFormat {
  CSV,
  JSONL,
  PARQUET;

  /** The format named in a mapping ({@code csv}, {@code jsonl}/{@code ndjson}, {@code parquet}). */
  static FileFormat named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv", "tsv" -> CSV;
      case "jsonl", "ndjson", "json" -> JSONL;
      case "parquet" -> PARQUET;
      default -> null;
    };
  }

  /** The format of a file: the mapping's, else by extension ({@code .csv.gz} counts as CSV). */
  static FileFormat of(Path file, FileFormat fromMapping) {
    if (fromMapping != null) {
      return fromMapping;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String compressed : new String[] {".gz", ".zst"}) {
      if (name.endsWith(compressed)) {
        name = name.substring(0, name.length() - compressed.length());
      }
    }
    int dot = name.lastIndexOf('.');
    FileFormat f = dot < 0 ? null : named(name.substring(dot + 1));
    if (f == null) {
      throw ItineraException.invalid("format", "cannot tell the format of " + file
          + " from its extension; expected .csv, .tsv, .jsonl, .ndjson, .json or .parquet,"
          + " or set 'format:' in the mapping");
    }
    return f;
  }
}
