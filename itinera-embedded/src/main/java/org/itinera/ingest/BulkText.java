package org.itinera.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.event.Event;

/**
 * Text analytics for a bulk load: a second pass over only the rows it stored that carry text,
 * in pages, so the set-based insert never waits for a model and memory stays bounded by the page.
 * {@link TextBackfill} re-scores stored texts with the same pages.
 */
final class BulkText {
  private static final int PAGE = 5_000;

  private BulkText() {}

  static void enrich(DuckDBConnection c, TextEnricher enricher, long firstSeq, long endSeq)
      throws SQLException {
    createScores(c);
    long after = firstSeq - 1;
    while (true) {
      List<Event> page = new ArrayList<>(PAGE);
      long last = readPage(c, after, endSeq, PAGE, page);
      if (page.isEmpty()) {
        break;
      }
      List<Event> scored = new ArrayList<>(page.size());
      for (Event e : page) {
        scored.add(enricher.enrich(e));
      }
      appendScores(c, scored);
      after = last;
    }
    try (Statement st = c.createStatement()) {
      st.execute("UPDATE events SET lang = t.lang, sentiment = t.sentiment, emotion = t.emotion,"
          + " topics = t.topics FROM bulk_text t WHERE events.event_id = t.event_id");
      st.execute("DROP TABLE bulk_text");
    }
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
