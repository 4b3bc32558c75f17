package org.itinera.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the rows of a file that were refused, in line order, to a {@link RejectsFile}: rows that
 * failed a check merged with lines DuckDB's CSV reader could not split into columns (its
 * reject_errors table). Both are read in pages, so a file that is all bad
 * still takes little memory.
 */
final class RejectsWriter {
  private static final int PAGE = 5_000;

  private final Connection c;
  private final InputFile in;
  private final Path dir;

  RejectsWriter(Connection c, InputFile in, Path dir) {
    this.c = c;
    this.in = in;
    this.dir = dir;
  }

  /**
   * Writes the file: rows that failed a check (temp table import_rejects) if {@code
   * checkRejects}, lines DuckDB could not read if {@code duckdbRejects}.
   */
  Path write(boolean checkRejects, boolean duckdbRejects) throws SQLException, IOException {
    long[] duckdbLines = duckdbRejects ? duckdbLines() : new long[0];
    boolean lines = in.format != FileFormat.PARQUET;
    Page checks = new Page(checkRejects
        ? "SELECT rec, reason, raw FROM import_rejects WHERE rec > ? ORDER BY rec LIMIT " + PAGE
        : null);
    Page unreadable = new Page(duckdbRejects
        ? "SELECT line, 'cannot read the line: ' || string_agg(DISTINCT lower(error_type) || ' ('"
            + " || error_message || ')', '; '), [any_value(csv_line)] FROM temp.main.reject_errors"
            + " WHERE line > ? GROUP BY line ORDER BY line LIMIT " + PAGE
        : null);
    try (RejectsFile out = RejectsFile.create(dir, in.path, in.rawHeader());
        LineCursor rowLines = lines ? new LineCursor(in, duckdbLines) : null;
        LineCursor recordLines = duckdbRejects ? new LineCursor(in, new long[0]) : null) {
      Row a = checks.next();
      Row b = unreadable.next();
      long lineA = a == null ? -1 : lineOf(rowLines, a.key);
      long lineB = b == null ? -1 : recordLines.lineOfRecord(b.key);
      while (a != null || b != null) {
        if (b == null || (a != null && lineA < lineB)) {
          out.write(lineA, a.reason, a.values);
          a = checks.next();
          lineA = a == null ? -1 : lineOf(rowLines, a.key);
        } else {
          out.write(lineB, b.reason, b.values);
          b = unreadable.next();
          lineB = b == null ? -1 : recordLines.lineOfRecord(b.key);
        }
      }
      return out.path;
    }
  }

  private static long lineOf(LineCursor cursor, long row) throws IOException {
    // Parquet has no lines: its rows are reported by number.
    return cursor == null ? row : cursor.lineOfRow(row);
  }

  private long[] duckdbLines() throws SQLException {
    List<Long> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
            "SELECT DISTINCT line FROM temp.main.reject_errors ORDER BY line");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lines.add(rs.getLong(1));
      }
    }
    return lines.stream().mapToLong(Long::longValue).toArray();
  }

  private record Row(long key, String reason, List<String> values) {}

  /** Keyset paging over one ordered query whose first column is the key. */
  private final class Page {
    private final String query;
    private final List<Row> rows = new ArrayList<>();
    private int next;
    private long after = Long.MIN_VALUE;
    private boolean exhausted;

    Page(String query) {
      this.query = query;
      this.exhausted = query == null;
    }

    Row next() throws SQLException {
      if (next == rows.size()) {
        if (exhausted) {
          return null;
        }
        fetch();
        if (rows.isEmpty()) {
          exhausted = true;
          return null;
        }
      }
      return rows.get(next++);
    }

    private void fetch() throws SQLException {
      rows.clear();
      next = 0;
      try (PreparedStatement ps = c.prepareStatement(query)) {
        ps.setLong(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new Row(rs.getLong(1), rs.getString(2), values(rs.getArray(3))));
          }
        }
      }
      if (rows.size() < PAGE) {
        exhausted = true;
      }
      if (!rows.isEmpty()) {
        after = rows.get(rows.size() - 1).key;
      }
    }
  }

  private static List<String> values(Array array) throws SQLException {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (Object o : (Object[]) array.getArray()) {
        out.add(o == null ? null : o.toString());
      }
    }
    return out;
  }
}
