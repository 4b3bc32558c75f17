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
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.ingest.BulkLoad;
import org.itinera.ingest.BulkSession;

/**
 * Imports one file inside one bulk session (one transaction).
 *
 * <p>Design notes. The file is read by DuckDB twice and never materialised, so memory does not
 * grow with the file and the rows never pass through Java. Scan 1 validates every row and groups
 * the result: good rows collapse into their distinct identity tuples, each rejected row stays a
 * group of its own with its input values. Java writes the rejects file, links the tuples in the
 * identity graph, and scan 2 inserts the good rows with one INSERT ... SELECT joined to the
 * tuples' customers; it skips the checks and just leaves out the rejected row numbers. Rows are
 * numbered identically in both scans (DuckDB reads a file in order), which is what ties scan 2
 * to scan 1. Event ids repeated within the file are rare and finding them costs a hash table of
 * every id, so the first attempt does not look: the primary key refuses the insert, the
 * transaction rolls back, and {@link Importer} runs the file again with {@code dedupe}, which
 * keeps the first row of each repeated id. A profile file ({@code identify} rows) gets one more
 * narrow scan for its traits.
 */
final class ImportRun implements BulkLoad<FileReport> {
  private static final double SCAN_END = 0.45;
  private static final double INSERT_END = 0.95;

  private final Path file;
  private final Mapping mapping;
  private final ImportTarget target;
  private final ImportListener listener;
  private final boolean dedupe;

  ImportRun(Path file, Mapping mapping, ImportTarget target, ImportListener listener,
      boolean dedupe) {
    this.file = file;
    this.mapping = mapping;
    this.target = target;
    this.listener = listener;
    this.dedupe = dedupe;
  }

  @Override
  public FileReport load(BulkSession session) throws SQLException {
    long start = System.nanoTime();
    Connection c = session.connection();
    new MappingCheck(mapping).check(c, session.identityTraits());
    try (InputFile in = InputFile.open(c, file, mapping)) {
      new MappingCheck(mapping).checkColumns(in);
      RowSql rows = new RowSql(mapping, in, session.identityTraits(), target.sourceId(),
          target.defaultChannel(), target.context(file, mapping), System.currentTimeMillis());
      Counts counts = scan(session, in, rows);
      Path rejects = null;
      if (counts.rejected() + counts.duckdbRejected() > 0) {
        rejects = writeRejects(c, in, counts);
      }
      try {
        FileReport report = store(session, in, rows, counts, rejects, start);
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE IF EXISTS import_scan");
          st.execute("DROP TABLE IF EXISTS import_dups");
        }
        return report;
      } catch (SQLException | RuntimeException e) {
        // Temp tables go with the rolled-back transaction; the rejects file must go too.
        deleteQuietly(rejects);
        throw e;
      }
    }
  }

  /** Scan 1: identity tuples of good rows and the rejected rows into the temp table import_scan. */
  private Counts scan(BulkSession session, InputFile in, RowSql rows) throws SQLException {
    Connection c = session.connection();
    if (in.format == FileFormat.CSV) {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS temp.main.reject_errors");
        st.execute("DROP TABLE IF EXISTS temp.main.reject_scans");
      }
    }
    List<String> traitCols = session.identityTraitColumns();
    StringBuilder keys = new StringBuilder("CASE WHEN reason IS NULL THEN user_id END AS user_id,"
        + " CASE WHEN reason IS NULL THEN anonymous_id END AS anonymous_id");
    for (String t : traitCols) {
      keys.append(", CASE WHEN reason IS NULL THEN ").append(t).append(" END AS ").append(t);
    }
    // Good rows collapse into one group per identity tuple; a rejected row is a group of its
    // own (its number is in the key) and keeps its input values for the rejects file.
    Sql sql = new Sql();
    String scan = "CREATE OR REPLACE TEMP TABLE import_scan AS SELECT " + keys
        + ", CASE WHEN reason IS NOT NULL THEN rec END AS reject_rec, reason,"
        + " CASE WHEN reason IS NOT NULL THEN raw END AS raw, count(*) AS n, max(rec) AS last_rec"
        + " FROM (" + rows.validated(sql, true, true) + ") GROUP BY ALL";
    session.execute(scan, sql.params(), progress(0, SCAN_END));
    long duckdbRejected = 0;
    if (in.format == FileFormat.CSV) {
      duckdbRejected = single(c, "SELECT count(DISTINCT line) FROM temp.main.reject_errors");
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(last_rec), 0),"
            + " coalesce(sum(n) FILTER (WHERE reject_rec IS NULL), 0),"
            + " count(*) FILTER (WHERE reject_rec IS NOT NULL),"
            + " count(*) FILTER (WHERE reject_rec IS NULL)"
            + " FROM import_scan")) {
      rs.next();
      return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), duckdbRejected,
          rs.getLong(4));
    }
  }

  private FileReport store(BulkSession session, InputFile in, RowSql rows, Counts counts,
      Path rejects, long start) throws SQLException {
    Connection c = session.connection();
    if (dedupe) {
      // Only after an insert found an event id twice in this file (see Importer): a third scan
      // finds which ids repeat and the row each keeps (its first).
      Sql sql = new Sql();
      session.execute("CREATE OR REPLACE TEMP TABLE import_dups AS SELECT event_id,"
          + " min(rec) AS first_rec FROM (" + rows.validated(sql, false, false)
          + ") WHERE reason IS NULL GROUP BY event_id HAVING count(*) > 1", sql.params(), null);
    }
    List<String> traitCols = session.identityTraitColumns();
    String tupleCols = "user_id, anonymous_id"
        + (traitCols.isEmpty() ? "" : ", " + String.join(", ", traitCols));
    session.resolveIdentities("SELECT " + tupleCols
        + " FROM import_scan WHERE reject_rec IS NULL", List.of());
    Sql sql = new Sql();
    long inserted;
    try {
      inserted = session.insertEvents(goodRows(rows, sql, counts, "v.*"), sql.params(),
          counts.rows(), progress(SCAN_END, INSERT_END));
    } catch (SQLException e) {
      if (!dedupe && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("duplicate key")) {
        throw new RepeatedIds(e);
      }
      throw e;
    }
    if (mayIdentify()) {
      Sql traits = new Sql();
      session.mergeProfileTraits(goodRows(rows, traits, counts, tupleCols + ", traits")
          + " AND v.type = 'identify' AND v.traits IS NOT NULL ORDER BY v.rec", traits.params());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new FileReport(in.path, in.format, counts.rows() + counts.duckdbRejected(), inserted,
        counts.valid() - inserted, counts.rejected() + counts.duckdbRejected(), rejects,
        counts.tuples(), millis);
  }

  /** Valid rows (all but the rejected ones), first copy only of an event id repeated. */
  private String goodRows(RowSql rows, Sql sql, Counts counts, String select) {
    StringBuilder q = new StringBuilder("SELECT " + select + " FROM ("
        + rows.validated(sql, false, false) + ") v");
    if (dedupe) {
      q.append(" LEFT JOIN import_dups d ON v.event_id = d.event_id");
    }
    q.append(" WHERE true");
    if (counts.rejected() > 0) {
      q.append(" AND v.rec NOT IN (SELECT reject_rec FROM import_scan"
          + " WHERE reject_rec IS NOT NULL)");
    }
    if (dedupe) {
      q.append(" AND (d.event_id IS NULL OR d.first_rec = v.rec)");
    }
    return q.toString();
  }

  private DoubleConsumer progress(double from, double to) {
    if (listener == ImportListener.NONE) {
      return null;
    }
    return p -> listener.progress(file, from + p * (to - from));
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
  record Counts(long rows, long valid, long rejected, long duckdbRejected, long tuples) {}

  /**
   * The file repeats an event id: the fast insert (no de-duplication within the file) hit the
   * primary key, the transaction is void, and the import is run again with {@code dedupe}.
   */
  static final class RepeatedIds extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RepeatedIds(Throwable cause) {
      super("the file repeats an event id", cause);
    }
  }
}
