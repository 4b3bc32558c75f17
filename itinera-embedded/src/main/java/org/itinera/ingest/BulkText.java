package org.itinera.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.event.Event;

/**
 * Text analytics for a bulk load, before its insert: each distinct text is analysed once and
 * the results land in a temp table that the insert joins. Analysing after the insert would mean
 * an UPDATE of the stored rows, which DuckDB runs as a delete and re-insert for a table with a
 * list column ({@code topics}), index entries included: measured, that cost more than the whole
 * insert. The distinct texts are numbered in a temp table and read a page at a time, because a
 * connection cannot append while it streams a result; memory is bounded by the page.
 */
final class BulkText {
  private static final int PAGE = 5_000;
  private static final String INPUT = "bulk_text_input";

  private BulkText() {}

  static void analyze(DuckDBConnection c, TextEnricher enricher, String textsSql,
      List<Object> params, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("CREATE OR REPLACE TEMP TABLE " + INPUT
        + " AS SELECT row_number() OVER () AS n, text FROM (SELECT DISTINCT text FROM ("
        + textsSql + ") WHERE text IS NOT NULL)")) {
      BulkSession.bind(ps, params);
      ps.execute();
    }
    long count;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + INPUT)) {
      rs.next();
      count = rs.getLong(1);
    }
    for (long lo = 1; lo <= count; lo += PAGE) {
      List<String> page = new ArrayList<>(PAGE);
      try (PreparedStatement ps = c.prepareStatement("SELECT text FROM " + INPUT
          + " WHERE n >= ? AND n < ?")) {
        ps.setLong(1, lo);
        ps.setLong(2, lo + PAGE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            page.add(rs.getString(1));
          }
        }
      }
      // On all cores: DuckDB waits meanwhile, and enrichers are thread-safe (the collection API
      // calls them from every request thread).
      List<Event> scored = page.parallelStream().map(t -> enricher.enrich(carrying(t))).toList();
      try (DuckDBAppender app = c.createAppender("temp", "main", table)) {
        for (int i = 0; i < page.size(); i++) {
          Event e = scored.get(i);
          app.beginRow();
          app.append(page.get(i));
          app.append(e.lang());
          app.append(e.sentiment());
          app.append(e.emotion());
          if (e.topics().isEmpty()) {
            app.appendNull();
          } else {
            app.append(e.topics());
          }
          app.endRow();
        }
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE " + INPUT);
    }
  }

  /** An event that carries just the text: what a {@link TextEnricher} reads. */
  private static Event carrying(String text) {
    return new Event("bulk-text", "bulk-text", null, null, 0L, 0L, "track", null, null, null,
        null, null, null, text, null, null, null, null, null, null, null);
  }
}
