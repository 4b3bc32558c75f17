package org.itinera.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.ingest.BulkLoad;
import org.itinera.ingest.BulkSession;

/**
 * Imports one file inside one bulk session (one transaction).
 *
 * <p>Design notes. The file is read twice by DuckDB and never materialised, so memory does not
 * grow with the file. Scan 1 validates every row and aggregates, in one GROUPING SETS query, the
 * distinct identity tuples of good rows, the rejected rows (few, with their input values) and the
 * event ids that occur more than once in the file. Java then writes the rejects file, links the
 * identity tuples in the identity graph, and scan 2 inserts the good rows with one INSERT ...
 * SELECT joined to the tuples' customers, keeping only the first row of an event id repeated in
 * the file. Rows are numbered identically in both scans (DuckDB reads a file in order), which is
 * what ties a row's number in scan 2 to what scan 1 found. A profile file ({@code identify} rows)
 * gets a third, narrow scan for its traits.
 */
final class ImportRun implements BulkLoad<FileReport> {
  private static final double SCAN_END = 0.45;
  private static final double INSERT_END = 0.95;

  private final Path file;
  private final Mapping mapping;
  private final ImportTarget target;
  private final ImportListener listener;

  ImportRun(Path file, Mapping mapping, ImportTarget target, ImportListener listener) {
    this.file = file;
    this.mapping = mapping;
    this.target = target;
    this.listener = listener;
  }

  @Override
  public FileReport load(BulkSession session) throws SQLException {
    long start = System.nanoTime();
    listener.started(file);
    Connection c = session.connection();
    new MappingCheck(mapping).check(c, session.identityTraits());
    try (InputFile in = InputFile.open(c, file, mapping)) {
      new MappingCheck(mapping).checkColumns(in);
      RowSql rows = new RowSql(mapping, in, session.identityTraits(), target.sourceId(),
          target.defaultChannel(), target.context(file, mapping), System.currentTimeMillis());
      Counts counts = scan(session, in, rows);
      Path rejects = null;
      if (counts.rejected() > 0) {
        rejects = writeRejects(c, in, counts);
      }
      try {
        FileReport report = store(session, in, rows, counts, rejects, start);
        listener.progress(file, 1.0);
        listener.finished(report);
        return report;
      } catch (SQLException | RuntimeException e) {
        deleteQuietly(rejects);
        throw e;
      }
    } finally {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS import_scan");
        st.execute("DROP TABLE IF EXISTS import_dups");
      }
    }
  }

  /** Scan 1: tuples, rejects and repeated ids into the temp table import_scan. */
  private Counts scan(BulkSession session, InputFile in, RowSql rows) throws SQLException {
    Connection c = session.connection();
    if (in.format == FileFormat.CSV) {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS temp.main.reject_errors");
        st.execute("DROP TABLE IF EXISTS temp.main.reject_scans");
      }
    }
    List<String> traitCols = session.identityTraitColumns();
    StringBuilder keys = new StringBuilder("u, a");
    StringBuilder inner = new StringBuilder("rec, reason, raw,"
        + " CASE WHEN reason IS NULL THEN user_id END AS u,"
        + " CASE WHEN reason IS NULL THEN anonymous_id END AS a");
    StringBuilder outer = new StringBuilder("u AS user_id, a AS anonymous_id");
    for (int i = 0; i < traitCols.size(); i++) {
      String t = traitCols.get(i);
      inner.append(", CASE WHEN reason IS NULL THEN ").append(t).append(" END AS k").append(i);
      keys.append(", k").append(i);
      outer.append(", k").append(i).append(" AS ").append(t);
    }
    Sql sql = new Sql();
    String scan = "CREATE OR REPLACE TEMP TABLE import_scan AS SELECT " + outer
        + ", reject_rec, reason, dup_id, count(*) AS n, min(rec) AS first_rec,"
        + " max(rec) AS last_rec, any_value(raw) AS raw, GROUPING(dup_id) AS g"
        + " FROM (SELECT " + inner + ", CASE WHEN reason IS NOT NULL THEN rec END AS reject_rec,"
        + " CASE WHEN reason IS NULL THEN event_id END AS dup_id"
        + " FROM (" + rows.validated(sql, true, true) + "))"
        + " GROUP BY GROUPING SETS ((" + keys + ", reject_rec, reason), (dup_id))"
        + " HAVING GROUPING(dup_id) = 1 OR (dup_id IS NOT NULL AND count(*) > 1)";
    session.execute(scan, sql.params(), p -> listener.progress(file, p * SCAN_END));
    long duckdbRejected = 0;
    if (in.format == FileFormat.CSV) {
      duckdbRejected = single(c, "SELECT count(DISTINCT line) FROM temp.main.reject_errors");
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT"
            + " coalesce(max(last_rec) FILTER (WHERE g = 1), 0),"
            + " coalesce(sum(n) FILTER (WHERE g = 1 AND reject_rec IS NULL), 0),"
            + " count(*) FILTER (WHERE reject_rec IS NOT NULL),"
            + " coalesce(sum(n - 1) FILTER (WHERE g = 0), 0),"
            + " count(*) FILTER (WHERE g = 1 AND reject_rec IS NULL)"
            + " FROM import_scan")) {
      rs.next();
      return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), duckdbRejected,
          rs.getLong(4), rs.getLong(5));
    }
  }

  private FileReport store(BulkSession session, InputFile in, RowSql rows, Counts counts,
      Path rejects, long start) throws SQLException {
    Connection c = session.connection();
    boolean dups = counts.inFileDuplicates() > 0;
    if (dups) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE OR REPLACE TEMP TABLE import_dups AS"
            + " SELECT dup_id AS event_id, first_rec FROM import_scan WHERE g = 0");
      }
    }
    List<String> traitCols = session.identityTraitColumns();
    String tupleCols = "user_id, anonymous_id"
        + (traitCols.isEmpty() ? "" : ", " + String.join(", ", traitCols));
    session.resolveIdentities("SELECT " + tupleCols
        + " FROM import_scan WHERE g = 1 AND reject_rec IS NULL", List.of());
    Sql sql = new Sql();
    long inserted = session.insertEvents(goodRows(rows, sql, dups, "v.*"), sql.params(),
        counts.rows(), p -> listener.progress(file, SCAN_END + p * (INSERT_END - SCAN_END)));
    if (mayIdentify()) {
      Sql traits = new Sql();
      session.mergeProfileTraits(goodRows(rows, traits, dups, tupleCols + ", traits")
          + " AND v.type = 'identify' AND v.traits IS NOT NULL ORDER BY v.rec", traits.params());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long valid = counts.valid();
    return new FileReport(in.path, in.format, counts.rows() + counts.duckdbRejected(), inserted,
        valid - inserted, counts.rejected() + counts.duckdbRejected(), rejects,
        counts.tuples(), millis);
  }

  /** Valid rows, without the later copies of an event id repeated in the file. */
  private static String goodRows(RowSql rows, Sql sql, boolean dups, String select) {
    String v = rows.validated(sql, false, false);
    if (!dups) {
      return "SELECT " + select + " FROM (" + v + ") v WHERE v.reason IS NULL";
    }
    return "SELECT " + select + " FROM (" + v + ") v LEFT JOIN import_dups d"
        + " ON v.event_id = d.event_id"
        + " WHERE v.reason IS NULL AND (d.event_id IS NULL OR d.first_rec = v.rec)";
  }

  private boolean mayIdentify() {
    boolean hasTraits = !mapping.traits().isEmpty() || !mapping.identity().isEmpty();
    return hasTraits && (mapping.type().column() != null
        || "identify".equals(mapping.type().constant()));
  }

  private Path writeRejects(Connection c, InputFile in, Counts counts) throws SQLException {
    try {
      return new RejectsWriter(c, in, target.rejectsDir()).write(counts.duckdbRejected() > 0);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "rejects", "cannot write the rejects of "
          + file + " to " + target.rejectsDir() + ": " + e.getMessage(), e);
    }
  }

  static long single(Connection c, String query) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the import failed anyway; a stray rejects file is the lesser problem
      }
    }
  }

  /** What scan 1 found; rows excludes lines DuckDB could not read (duckdbRejected). */
  record Counts(long rows, long valid, long rejected, long duckdbRejected, long inFileDuplicates,
      long tuples) {}
}
