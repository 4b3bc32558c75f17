package org.itinera.query;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The most recent reports, each valid while the store holds exactly the events it was computed
 * from. Analysts flip between pages and periods over data that changes far less often than they
 * click, and a report over millions of events costs a scan of them, so a report is recomputed
 * only when the events have changed ({@code max(seq)} and {@code count(*)}, both cheap: every
 * ingested batch raises the first, and identity merges and trait changes arrive as events).
 */
public final class ReportCache {
  private final Map<String, Object> entries;

  public ReportCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The key of this request over the store as {@code c} sees it now. */
  public static String key(Connection c, Context ctx) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT max(seq), count(*) FROM events")) {
      rs.next();
      Map<String, List<String>> params = new TreeMap<>(ctx.queryParamMap());
      return rs.getLong(1) + "/" + rs.getLong(2) + " " + ctx.path() + " " + params;
    }
  }

  public synchronized Object get(String key) {
    return entries.get(key);
  }

  public synchronized void put(String key, Object report) {
    entries.put(key, report);
  }
}
