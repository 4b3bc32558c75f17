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
import java.util.function.DoubleConsumer;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.ingest.BulkLoad;
import org.itinera.importer.RowSql.Read;
import org.itinera.ingest.BulkSession;

/**
 * Imports one file inside one bulk session (one transaction).
 *
 * <p>Design notes. The file is read by DuckDB and the rows never pass through Java. Scan 1
 * validates every row and groups the result: good rows collapse into their distinct identity
 * tuples. Java links the tuples in the identity graph (and, with text analytics, analyses each
 * distinct text once), and scan 2 inserts the good rows with one INSERT ... SELECT joined to the
 * customers of their identities and to their texts' analysis; a file of more than {@code
 * commitEvery} good rows is staged and committed in chunks instead, because DuckDB holds the
 * uncommitted part of the event-id index in memory (see BulkSession#insertEventsInChunks).
 * Memory therefore does not grow with the file. Both scans run on all cores; numbering rows in file order (row_number())
 * would put DuckDB on one thread, so it is done only when needed: to find the line and values of
 * rejected rows (only when scan 1 counted some), and for the rare cases below. Event ids repeated
 * within the file cost a hash table of every id to find, so the first attempt does not look: the
 * insert refuses them before storing anything, the transaction rolls back, and {@link Importer}
 * runs the file again with {@code dedupe}, which keeps the first row of each repeated id. A
 * profile file ({@code identify} rows) gets one more narrow, ordered scan for its traits, later
 * rows winning.
 */
final class ImportRun implements BulkLoad<FileReport> {
  private static final double SCAN_END = 0.45;
  private static final double INSERT_END = 0.95;

  private final Path file;
  private final Mapping mapping;
  private final ImportTarget target;
  private final ImportListener listener;
  private final long commitEvery;
  private final boolean dedupe;

  ImportRun(Path file, Mapping mapping, ImportTarget target, ImportListener listener,
      long commitEvery, boolean dedupe) {
    this.file = file;
    this.mapping = mapping;
    this.target = target;
    this.listener = listener;
    this.commitEvery = commitEvery;
    this.dedupe = dedupe;
  }

  @Override
  public FileReport load(BulkSession session) throws SQLException {
    long start = System.nanoTime();
    Connection c = session.connection();
    // The Importer checked the mapping against this file already; the file is described again
    // here, on the writer's connection, for the columns DuckDB sees now.
    try (InputFile in = InputFile.open(c, file, mapping)) {
      new MappingCheck(mapping).checkColumns(in);
      RowSql rows = new RowSql(mapping, in, session.identityTraits(), target.sourceId(),
          target.defaultChannel(), target.context(file, mapping), System.currentTimeMillis());
      session.timer().mark("open");
      Counts counts = scan(session, in, rows);
      session.timer().mark("scan: check rows");
      Path rejects = null;
      if (counts.rejected() > 0) {
        locateRejects(session, rows);
      }
      if (counts.rejected() + counts.duckdbRejected() > 0) {
        rejects = writeRejects(c, in, counts);
        session.timer().mark("rejects file");
      }
      try {
        FileReport report = store(session, in, rows, counts, rejects, start);
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE IF EXISTS import_scan");
          st.execute("DROP TABLE IF EXISTS import_rejects");
          st.execute("DROP TABLE IF EXISTS import_dups");
          st.execute("DROP TABLE IF EXISTS temp.main.reject_errors");
          st.execute("DROP TABLE IF EXISTS temp.main.reject_scans");
        }
        return report;
      } catch (SQLException | RuntimeException e) {
        // Temp tables go with the rolled-back transaction; the rejects file must go too.
        deleteQuietly(rejects);
        throw e;
      }
    }
  }

  /** Scan 1: identity tuples of good rows into the temp table import_scan; rejects counted. */
  private Counts scan(BulkSession session, InputFile in, RowSql rows) throws SQLException {
    Connection c = session.connection();
    if (in.format == FileFormat.CSV) {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS temp.main.reject_errors");
        st.execute("DROP TABLE IF EXISTS temp.main.reject_scans");
      }
    }
    StringBuilder keys = new StringBuilder("CASE WHEN reason IS NULL THEN user_id END AS user_id,"
        + " CASE WHEN reason IS NULL THEN anonymous_id END AS anonymous_id");
    for (String t : session.identityTraitColumns()) {
      keys.append(", CASE WHEN reason IS NULL THEN ").append(t).append(" END AS ").append(t);
    }
    // Good rows collapse into one group per identity tuple, rejected rows into one group.
    Sql sql = new Sql();
    session.execute("CREATE OR REPLACE TEMP TABLE import_scan AS SELECT " + keys
        + ", reason IS NOT NULL AS rejected, count(*) AS n FROM ("
        + rows.validated(sql, Read.CHECK) + ") GROUP BY ALL", sql.params(),
        progress(0, SCAN_END));
    long duckdbRejected = 0;
    if (in.format == FileFormat.CSV) {
      duckdbRejected = single(c, "SELECT count(DISTINCT line) FROM temp.main.reject_errors");
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(sum(n), 0),"
            + " coalesce(sum(n) FILTER (WHERE NOT rejected), 0),"
            + " coalesce(sum(n) FILTER (WHERE rejected), 0),"
            + " count(*) FILTER (WHERE NOT rejected)"
            + " FROM import_scan")) {
      rs.next();
      return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), duckdbRejected,
          rs.getLong(4));
    }
  }

  /** Only when scan 1 found rejects: their row numbers and input values, in one ordered read. */
  private void locateRejects(BulkSession session, RowSql rows) throws SQLException {
    Sql sql = new Sql();
    session.execute("CREATE OR REPLACE TEMP TABLE import_rejects AS SELECT rec, reason, raw"
        + " FROM (" + rows.validated(sql, Read.NUMBERED) + ") WHERE reason IS NOT NULL",
        sql.params(), null);
  }

  private FileReport store(BulkSession session, InputFile in, RowSql rows, Counts counts,
      Path rejects, long start) throws SQLException {
    if (dedupe) {
      // Only after an insert found an event id twice in this file (see Importer): an ordered
      // read finds which ids repeat and the row each keeps (its first).
      Sql sql = new Sql();
      session.execute("CREATE OR REPLACE TEMP TABLE import_dups AS SELECT event_id,"
          + " min(rec) AS first_rec FROM (" + rows.validated(sql, Read.NUMBERED)
          + ") WHERE reason IS NULL GROUP BY event_id HAVING count(*) > 1", sql.params(), null);
    }
    List<String> traitCols = session.identityTraitColumns();
    String tupleCols = "user_id, anonymous_id"
        + (traitCols.isEmpty() ? "" : ", " + String.join(", ", traitCols));
    session.resolveIdentities("SELECT " + tupleCols + " FROM import_scan WHERE NOT rejected",
        List.of());
    Sql texts = new Sql();
    session.analyzeTexts(mapping.text() == null ? "SELECT NULL::VARCHAR AS text LIMIT 0"
        : rows.texts(texts), texts.params());
    session.timer().mark("text analysis");
    Sql sql = new Sql();
    String good = goodRows(rows, sql, "v.*", false);
    DoubleConsumer progress = progress(SCAN_END, INSERT_END);
    long inserted = counts.valid() > commitEvery
        ? session.insertEventsInChunks(good, sql.params(), commitEvery, progress)
        : session.insertEvents(good, sql.params(), progress);
    session.timer().mark("insert");
    if (mayIdentify()) {
      Sql traits = new Sql();
      String identify = goodRows(rows, traits, tupleCols + ", traits, rec", true)
          + " AND v.type = 'identify' AND v.traits IS NOT NULL";
      session.mergeProfileTraits("SELECT " + tupleCols + ", traits FROM (" + identify
          + ") ORDER BY rec", traits.params());
      session.timer().mark("profile traits: read");
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new FileReport(in.path, in.format, counts.rows() + counts.duckdbRejected(), inserted,
        counts.valid() - inserted, counts.rejected() + counts.duckdbRejected(), rejects,
        counts.tuples(), millis);
  }

  /**
   * The good rows: those passing every check, and of an event id repeated in the file only the
   * first. {@code inOrder} numbers them ({@code rec}), which reads on one thread.
   */
  private String goodRows(RowSql rows, Sql sql, String select, boolean inOrder) {
    boolean numbered = dedupe || inOrder;
    StringBuilder q = new StringBuilder("SELECT " + select + " FROM ("
        + rows.validated(sql, numbered ? Read.NUMBERED : Read.INSERT) + ") v");
    if (dedupe) {
      q.append(" LEFT JOIN import_dups d ON v.event_id = d.event_id");
    }
    q.append(" WHERE v.reason IS NULL");
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
      return new RejectsWriter(c, in, target.rejectsDir())
          .write(counts.rejected() > 0, counts.duckdbRejected() > 0);
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
}
