package org.itinera.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.importer.Mapping.CsvOptions;

/**
 * One input file as DuckDB reads it: the table function for its format, its columns, and SQL
 * expressions for a column's value. The path is always a bound parameter. DuckDB expands {@code *
 * ? [ ] { }} in paths as globs, so a file whose name has one is read through a symlink with a
 * plain name instead, and exactly the named file is read.
 */
final class InputFile implements AutoCloseable {
  /** Name of the row number column added to every input; refused as a column of the file. */
  static final String REC = "_itinera_rec";
  private static final String JSON = "_itinera_json";
  private static final int JSON_SAMPLE = 1_000;

  final Path path;
  final FileFormat format;
  final CsvOptions csv;
  private final Path readable;
  private final Path linkDir;
  /** Column name to DuckDB type; for JSON Lines, the keys seen in the first records. */
  private final Map<String, String> columns;

  private InputFile(Path path, FileFormat format, CsvOptions csv, Path readable, Path linkDir,
      Map<String, String> columns) {
    this.path = path;
    this.format = format;
    this.csv = csv;
    this.readable = readable;
    this.linkDir = linkDir;
    this.columns = columns;
  }

  static InputFile open(Connection c, Path file, Mapping mapping) {
    Path path = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "file", "input file " + file
          + (Files.exists(path) ? " is not a regular file" : " does not exist"));
    }
    FileFormat format = FileFormat.of(path, mapping.format());
    Path linkDir = null;
    Path readable = path;
    if (path.toString().chars().anyMatch(ch -> "*?[]{}".indexOf(ch) >= 0)) {
      try {
        linkDir = Files.createTempDirectory("itinera-import");
        readable = Files.createSymbolicLink(linkDir.resolve("input" + suffix(path, format)), path);
      } catch (IOException | UnsupportedOperationException e) {
        throw new ItineraException(ErrorCode.IO_FAILURE, "file", "cannot read " + file
            + ": its name has a glob character (* ? [ ] { }) and a plain-named link to it could"
            + " not be made (" + e.getMessage() + "); rename the file", e);
      }
    }
    InputFile in = new InputFile(path, format, mapping.csv(), readable, linkDir,
        new LinkedHashMap<>());
    try {
      in.describe(c);
    } catch (SQLException e) {
      in.close();
      throw new ItineraException(ErrorCode.INVALID_INPUT, "file", "cannot read " + file + " as "
          + format.name().toLowerCase(Locale.ROOT) + ": " + firstLine(e.getMessage()), e);
    }
    if (in.columns.containsKey(REC)) {
      in.close();
      throw ItineraException.invalid("file", file + " has a column named " + REC
          + ", which the importer uses itself; rename it");
    }
    return in;
  }

  private void describe(Connection c) throws SQLException {
    Sql sql = new Sql();
    String query = switch (format) {
      case JSONL -> "SELECT DISTINCT unnest(json_keys(j)) FROM (SELECT json AS j FROM "
          + tableFunction(sql, false) + " WHERE json_type(json) = 'OBJECT' LIMIT "
          + JSON_SAMPLE + ")";
      default -> "DESCRIBE SELECT * FROM " + tableFunction(sql, false);
    };
    try (PreparedStatement ps = c.prepareStatement(query)) {
      List<Object> params = sql.params();
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), format == FileFormat.JSONL ? "JSON" : rs.getString(2));
        }
      }
    }
  }

  /**
   * The rows of the file: {@value #REC} then its columns (JSON Lines: the object). Numbering
   * (1-based, in file order) makes DuckDB read on one thread, so unnumbered rows get NULL.
   */
  String relation(Sql sql, boolean storeRejects, boolean numbered) {
    String columnsOut = format == FileFormat.JSONL ? "json AS " + JSON : "*";
    return "SELECT " + (numbered ? "row_number() OVER ()" : "NULL::BIGINT") + " AS " + REC
        + ", " + columnsOut + " FROM " + tableFunction(sql, storeRejects);
  }

  private String tableFunction(Sql sql, boolean storeRejects) {
    String p = sql.param(readable.toString());
    return switch (format) {
      case CSV -> "read_csv(" + p + ", header = " + sql.param(csv.header())
          + ", all_varchar = true, ignore_errors = true, store_rejects = "
          + sql.param(storeRejects) + ", quote = " + sql.param(csv.quote()) + ", escape = "
          + sql.param(csv.escape()) + ", skip = " + sql.param(csv.skip())
          + (csv.delimiter() == null ? "" : ", delim = " + sql.param(csv.delimiter())) + ")";
      case JSONL -> "read_json_objects(" + p
          + ", format = 'newline_delimited', ignore_errors = true)";
      case PARQUET -> "read_parquet(" + p + ")";
    };
  }

  boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** DuckDB type of a column (VARCHAR for CSV, JSON for JSON Lines keys). */
  String type(String column) {
    return columns.getOrDefault(column, "VARCHAR");
  }

  /** The JSON object of a JSON Lines row, to tell malformed lines apart. */
  String jsonRow() {
    return format == FileFormat.JSONL ? JSON : null;
  }

  /** A column's value as text (objects and lists as JSON text). */
  String text(Sql sql, String column) {
    return switch (format) {
      case CSV -> Sql.identifier(column);
      case JSONL -> "(" + JSON + " ->> " + sql.param(pointer(column)) + ")";
      case PARQUET -> "CAST(" + Sql.identifier(column) + " AS VARCHAR)";
    };
  }

  /** A column's value in its own type: text for CSV, a JSON value for JSON Lines. */
  String value(Sql sql, String column) {
    return switch (format) {
      case CSV, PARQUET -> Sql.identifier(column);
      case JSONL -> "(" + JSON + " -> " + sql.param(pointer(column)) + ")";
    };
  }

  /** The whole row as a list of text, for the rejects file (header: {@link #rawHeader()}). */
  String rawRow() {
    if (format == FileFormat.JSONL) {
      return "[" + JSON + "::VARCHAR]";
    }
    List<String> parts = new ArrayList<>();
    for (String c : columns.keySet()) {
      parts.add("CAST(" + Sql.identifier(c) + " AS VARCHAR)");
    }
    return "[" + String.join(", ", parts) + "]";
  }

  List<String> rawHeader() {
    return format == FileFormat.JSONL ? List.of("record") : columnNames();
  }

  /** Text identifying the row's content, for a content-hash event id. */
  String contentText() {
    if (format == FileFormat.JSONL) {
      return "coalesce(" + JSON + "::VARCHAR, '')";
    }
    List<String> parts = new ArrayList<>();
    for (String c : columns.keySet()) {
      parts.add("coalesce(CAST(" + Sql.identifier(c) + " AS VARCHAR), chr(30))");
    }
    return "concat_ws(chr(31), " + String.join(", ", parts) + ")";
  }

  /** RFC 6901 pointer to a top-level key: any key, no quoting rules of JSONPath to get wrong. */
  private static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }

  private static String suffix(Path path, FileFormat format) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String base = switch (format) {
      case CSV -> name.contains(".tsv") ? ".tsv" : ".csv";
      case JSONL -> ".jsonl";
      case PARQUET -> ".parquet";
    };
    return name.endsWith(".gz") ? base + ".gz" : base;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  @Override
  public void close() {
    if (linkDir != null) {
      try {
        Files.deleteIfExists(readable);
        Files.deleteIfExists(linkDir);
      } catch (IOException ignored) {
        // a leftover link in the temp directory is harmless
      }
    }
  }
}
