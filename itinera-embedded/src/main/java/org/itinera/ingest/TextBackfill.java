package org.itinera.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.store.Store;

/**
 * Re-scores every stored event that carries text ({@code lang}, {@code sentiment}, {@code emotion},
 * {@code topics}, as ingest stores them), e.g. after a model change. Works in batches in seq order,
 * each scored in parallel and committed on its own, so memory stays flat, progress can be shown
 * and an interrupted run keeps what it did; running it again with the same model changes nothing.
 * Needs the store open for writing (no server holding it).
 */
public final class TextBackfill {
  /** Texts per batch by default. */
  public static final int DEFAULT_BATCH = 5_000;

  /** Told after each batch. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total, changed) -> {};

    /** {@code done} of {@code total} texts re-scored so far, {@code changed} of them altered. */
    void update(long done, long total, long changed);
  }

  /**
   * What a backfill did.
   *
   * @param texts events with text re-scored
   * @param changed of them, those whose stored lang, sentiment, emotion or topics changed
   * @param millis wall-clock time taken
   */
  public record Result(long texts, long changed, long millis) {}

  private final Store store;
  private final TextEnricher enricher;
  private final int batch;

  public TextBackfill(Store store, TextEnricher enricher, int batch) {
    this.store = Objects.requireNonNull(store, "store");
    this.enricher = Objects.requireNonNull(enricher, "enricher");
    if (batch < 1 || batch > 1_000_000) {
      throw ItineraException.invalid("batch", "batch was " + batch + "; expected 1 to 1000000");
    }
    if (store.readOnly()) {
      throw ItineraException.invalid("data", "the store is open read-only; backfill writes");
    }
    this.batch = batch;
  }

  public Result run(Progress progress) {
    long start = System.nanoTime();
    DuckDBConnection c = (DuckDBConnection) store.newConnection();
    try (c) {
      long total;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM events WHERE text IS NOT NULL")) {
        rs.next();
        total = rs.getLong(1);
      }
      long done = 0;
      long changed = 0;
      long after = Long.MIN_VALUE;
      c.setAutoCommit(false);
      createScores(c);
      while (true) {
        List<Event> page = new ArrayList<>(batch);
        long last = readPage(c, after, Long.MAX_VALUE, batch, page);
        if (page.isEmpty()) {
          break;
        }
        List<Event> scored = page.parallelStream().map(enricher::enrich).toList();
        try (Statement st = c.createStatement()) {
          st.execute("DELETE FROM bulk_text");
        }
        appendScores(c, scored);
        changed += update(c, after, last);
        c.commit();
        done += page.size();
        after = last;
        progress.update(done, total, changed);
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE bulk_text");
      }
      c.commit();
      return new Result(done, changed, (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot re-score the stored texts: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the batch's scores where they differ; the seq range lets DuckDB skip row groups. The
   * list column {@code topics} is updated on its own, only where it changed: list updates are
   * slow in DuckDB (about 100 times a scalar's), and key phrases do not depend on the sentiment
   * model, so a backfill after retraining rewrites scalars only.
   */
  private static long update(DuckDBConnection c, long after, long last) throws SQLException {
    String match = " WHERE events.seq > ? AND events.seq <= ? AND events.event_id = t.event_id";
    String join = " FROM bulk_text t" + match;
    String scalarsDiffer = "(events.lang IS DISTINCT FROM t.lang"
        + " OR events.sentiment IS DISTINCT FROM t.sentiment"
        + " OR events.emotion IS DISTINCT FROM t.emotion)";
    String topicsDiffer = "events.topics IS DISTINCT FROM t.topics";
    long changed;
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM events, bulk_text t"
        + match + " AND (" + scalarsDiffer + " OR "
        + topicsDiffer + ")")) {
      ps.setLong(1, after);
      ps.setLong(2, last);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        changed = rs.getLong(1);
      }
    }
    if (changed == 0) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE events SET lang = t.lang,"
        + " sentiment = t.sentiment, emotion = t.emotion" + join + " AND " + scalarsDiffer)) {
      ps.setLong(1, after);
      ps.setLong(2, last);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE events SET topics = t.topics" + join
        + " AND " + topicsDiffer)) {
      ps.setLong(1, after);
      ps.setLong(2, last);
      ps.executeUpdate();
    }
    return changed;
  }

  /** (Re)creates the empty temp table {@code bulk_text} that {@link #appendScores} fills. */
  static void createScores(DuckDBConnection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE bulk_text (event_id VARCHAR, lang VARCHAR,"
          + " sentiment DOUBLE, emotion VARCHAR, topics VARCHAR[])");
    }
  }

  /**
   * Reads up to {@code limit} events with text and {@code after < seq < endSeq}, in seq order,
   * into {@code page}; returns the last seq read ({@code after} when none).
   */
  static long readPage(DuckDBConnection c, long after, long endSeq, int limit, List<Event> page)
      throws SQLException {
    long last = after;
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_id, customer_id,"
        + " anonymous_id, user_id, ts, received_at, type, name, channel, source_id,"
        + " properties, context, traits, text, rating, revenue, currency FROM events"
        + " WHERE seq > ? AND seq < ? AND text IS NOT NULL ORDER BY seq LIMIT ?")) {
      ps.setLong(1, after);
      ps.setLong(2, endSeq);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          last = rs.getLong(1);
          page.add(new Event(rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), millis(rs.getTimestamp(6)), millis(rs.getTimestamp(7)),
              rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
              rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), null,
              null, null, null, (Double) rs.getObject(16), (Double) rs.getObject(17),
              rs.getString(18)));
        }
      }
    }
    return last;
  }

  /** Appends what text analytics found in {@code scored} events to {@code bulk_text}. */
  static void appendScores(DuckDBConnection c, List<Event> page) throws SQLException {
    try (DuckDBAppender app = c.createAppender("temp", "main", "bulk_text")) {
      for (Event scored : page) {
        app.beginRow();
        app.append(scored.eventId());
        app.append(scored.lang());
        app.append(scored.sentiment());
        app.append(scored.emotion());
        if (scored.topics().isEmpty()) {
          app.appendNull();
        } else {
          app.append(scored.topics());
        }
        app.endRow();
      }
    }
  }

  private static long millis(Timestamp ts) {
    // DuckDB TIMESTAMP holds UTC; the JDBC Timestamp is built in the JVM's zone, so undo that.
    return ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
  }
}
