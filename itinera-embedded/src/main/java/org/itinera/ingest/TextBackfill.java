package org.itinera.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
      BulkText.createScores(c);
      while (true) {
        List<Event> page = new ArrayList<>(batch);
        long last = BulkText.readPage(c, after, Long.MAX_VALUE, batch, page);
        if (page.isEmpty()) {
          break;
        }
        List<Event> scored = page.parallelStream().map(enricher::enrich).toList();
        try (Statement st = c.createStatement()) {
          st.execute("DELETE FROM bulk_text");
        }
        BulkText.appendScores(c, scored);
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
}
