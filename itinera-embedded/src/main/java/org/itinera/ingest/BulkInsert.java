package org.itinera.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBConnection;

/**
 * The INSERT of a bulk load, in one statement or, for large loads, in committed chunks.
 *
 * <p>Design notes. DuckDB keeps the primary-key index entries of uncommitted rows in memory (it
 * cannot spill them), about 50 MB per million event ids, so one transaction over a huge file
 * needs memory in proportion to the file. Above a size the caller chooses, the rows are first
 * staged in a temp table (which DuckDB can spill to disk), checked for repeated event ids, and
 * then inserted and committed a chunk at a time; after each commit the index pages can be
 * evicted, so memory stays flat. Seq numbers come from a sequence, not row_number(): a window
 * over the rows would make DuckDB run the read-transform-insert pipeline on one thread.
 *
 * <p>The inserts run with {@code preserve_insertion_order} off, for this connection only: the
 * rows' order in storage means nothing (seq comes from the sequence; no reader relies on storage
 * order). With it on, an insert from a table (the chunks from {@code bulk_rows}) is planned as a
 * {@code BATCH_INSERT}, which keeps the source's order; off, it is a plain parallel {@code
 * INSERT}, which measured about 30% less CPU a chunk (docs/IMPORT.md).
 */
final class BulkInsert {
  private static final String COLUMNS = "event_id, customer_id, anonymous_id, user_id, ts,"
      + " received_at, type, name, channel, source_id, properties, context, traits, text, lang,"
      + " sentiment, emotion, topics, rating, revenue, currency";

  private final DuckDBConnection c;
  private final EventWriter writer;
  private final String traitKey;
  private final long nowMs;

  /** {@code traitKey}: SQL of a row's trait key over the alias {@code r.}. */
  BulkInsert(EventWriter writer, String traitKey, long nowMs) {
    this.c = writer.connection();
    this.writer = writer;
    this.nowMs = nowMs;
    this.traitKey = traitKey;
  }

  /**
   * The rows under their customers, with their text analysis, without those whose event id is
   * already stored. A row's customer is that of its first identity in {@code identities}; a row
   * whose identity is somehow missing there gets NULL and fails the insert (customer_id is NOT
   * NULL) instead of vanishing.
   */
  private String resolved(String rowsSql) throws SQLException {
    return "SELECT r.event_id, i.customer_id, r.anonymous_id, r.user_id, r.ts,"
        + " make_timestamp(" + nowMs * 1000 + ") AS received_at, r.type, r.name, r.channel,"
        + " r.source_id, r.properties, r.context, r.traits, r.text, x.lang, x.sentiment,"
        + " x.emotion, x.topics, r.rating, r.revenue, r.currency FROM (" + rowsSql + ") r"
        + " LEFT JOIN " + BulkSession.TRAIT_KEYS_TABLE + " k ON k.trait_key = CASE WHEN"
        + " r.user_id IS NULL AND r.anonymous_id IS NULL THEN " + traitKey + " END"
        + " LEFT JOIN identities i ON i.identity = coalesce('user:' || r.user_id,"
        + " 'anon:' || r.anonymous_id, k.identity)"
        + " LEFT JOIN " + BulkSession.TEXT_TABLE + " x ON x.text = r.text"
        + (storeIsEmpty() ? "" : " WHERE r.event_id NOT IN (SELECT event_id FROM events)");
  }

  long direct(String rowsSql, List<Object> params, DoubleConsumer progress)
      throws SQLException {
    startSequence();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (seq, " + COLUMNS
        + ") SELECT nextval('bulk_seq'), * FROM (" + resolved(rowsSql) + ")")) {
      BulkSession.bind(ps, params);
      long inserted;
      try (ProgressPoller poller = ProgressPoller.start(c, ps, progress);
          Unordered unordered = new Unordered(c)) {
        inserted = ps.executeLargeUpdate();
      } catch (SQLException e) {
        throw repeatedIds(e);
      }
      endSequence();
      return inserted;
    }
  }

  /**
   * Stages, checks and inserts in chunks of {@code chunkRows}, calling {@code commit} before the
   * first chunk and after each; returns how many rows were stored.
   */
  long chunked(String rowsSql, List<Object> params, long chunkRows, Commit commit,
      DoubleConsumer progress) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "CREATE OR REPLACE TEMP TABLE bulk_rows AS " + resolved(rowsSql))) {
      BulkSession.bind(ps, params);
      try (ProgressPoller poller =
          ProgressPoller.start(c, ps, progress == null ? null : p -> progress.accept(p / 2));
          Unordered unordered = new Unordered(c)) {
        ps.execute();
      }
    }
    long rows;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), EXISTS (SELECT 1 FROM bulk_rows"
            + " GROUP BY event_id HAVING count(*) > 1) FROM bulk_rows")) {
      rs.next();
      rows = rs.getLong(1);
      if (rs.getBoolean(2)) {
        throw new BulkSession.RepeatedEventIds(null);
      }
    }
    commit.commit();
    startSequence();
    for (long lo = 0; lo < rows; lo += chunkRows) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (seq, " + COLUMNS
          + ") SELECT nextval('bulk_seq'), " + COLUMNS
          + " FROM bulk_rows WHERE rowid >= ? AND rowid < ?")) {
        ps.setLong(1, lo);
        ps.setLong(2, lo + chunkRows);
        try (Unordered unordered = new Unordered(c)) {
          ps.executeUpdate();
        }
      }
      endSequence();
      commit.commit();
      if (progress != null) {
        progress.accept(0.5 + 0.5 * Math.min(rows, lo + chunkRows) / rows);
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE bulk_rows");
    }
    return rows;
  }

  /** {@code preserve_insertion_order} off on this connection while open (see the class notes). */
  private static final class Unordered implements AutoCloseable {
    private final DuckDBConnection c;

    Unordered(DuckDBConnection c) throws SQLException {
      this.c = c;
      try (Statement st = c.createStatement()) {
        st.execute("SET SESSION preserve_insertion_order = false");
      }
    }

    @Override
    public void close() throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("RESET SESSION preserve_insertion_order");
      }
    }
  }

  /** Commits what the load wrote so far; the load goes on in a new transaction. */
  @FunctionalInterface
  interface Commit {
    void commit() throws SQLException;
  }

  private void startSequence() throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP SEQUENCE bulk_seq START WITH " + writer.nextSeq());
    }
  }

  /** Moves the writer's next seq past the numbers handed out (the peek itself uses one). */
  private void endSequence() throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT nextval('bulk_seq')")) {
      rs.next();
      writer.advanceSeq(rs.getLong(1) + 1);
    }
  }

  private boolean storeIsEmpty() throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM events)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static SQLException repeatedIds(SQLException e) {
    if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("duplicate key")) {
      throw new BulkSession.RepeatedEventIds(e);
    }
    return e;
  }
}
