package org.itinera.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A funnel written directly in DuckDB SQL, independently of the Java engine, for differential
 * testing. Same semantics, different method: events are numbered per customer by (ts, seq); from
 * every step-1 event a chain follows, by ASOF joins, the earliest later event of each next step
 * (greedy, which is optimal for a fixed start under a window counted from step 1); an attempt's
 * depth is its prefix of steps within the window; each customer's best attempt is the deepest,
 * then the earliest. Returns, per step, customers and the nearest-rank median time from the
 * previous step.
 */
final class SqlFunnel {
  record Step(long customers, Long medianFromPrevious) {}

  private SqlFunnel() {}

  static String sql(int steps) {
    StringBuilder q = new StringBuilder("WITH ev AS (SELECT customer_id AS c, epoch_ms(ts) AS t, "
        + "coalesce(name, type) AS n, row_number() OVER (PARTITION BY customer_id "
        + "ORDER BY ts, seq) AS p FROM events WHERE coalesce(name, type) IN (");
    for (int k = 0; k < steps; k++) {
      q.append(k == 0 ? "?" : ", ?");
    }
    q.append("))");
    for (int k = 1; k <= steps; k++) {
      q.append(", s").append(k).append(" AS (SELECT c, t, p FROM ev WHERE n = ?)");
    }
    q.append(", a1 AS (SELECT c, t AS t1, p AS p1 FROM s1)");
    for (int k = 2; k <= steps; k++) {
      q.append(", a").append(k).append(" AS (SELECT a.*, s.t AS t").append(k).append(", s.p AS p")
          .append(k).append(" FROM a").append(k - 1).append(" a ASOF LEFT JOIN s").append(k)
          .append(" s ON a.c = s.c AND a.p").append(k - 1).append(" < s.p)");
    }
    q.append(", attempts AS (SELECT *, CASE");
    for (int k = 2; k <= steps; k++) {
      q.append(" WHEN t").append(k).append(" IS NULL OR t").append(k).append(" - t1 > ? THEN ")
          .append(k - 1);
    }
    q.append(" ELSE ").append(steps).append(" END AS depth FROM a").append(steps).append(")");
    q.append(", best AS (SELECT * FROM attempts QUALIFY row_number() OVER (PARTITION BY c "
        + "ORDER BY depth DESC, p1) = 1)");
    q.append(" SELECT k, count(*) FILTER (WHERE depth >= k), CASE k");
    for (int k = 2; k <= steps; k++) {
      q.append(" WHEN ").append(k).append(" THEN list_sort(list(t").append(k).append(" - t")
          .append(k - 1).append(") FILTER (WHERE depth >= ").append(k).append("))");
    }
    q.append(" END AS d FROM best, range(1, ").append(steps + 1)
        .append(") r(k) GROUP BY k ORDER BY k");
    return "SELECT k, n, CASE WHEN len(d) > 0 THEN d[CAST(ceil(0.5 * len(d)) AS BIGINT)] END "
        + "FROM (" + q + ") x(k, n, d) ORDER BY k";
  }

  static List<Step> run(Connection c, List<String> steps, long windowMs) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql(steps.size()))) {
      int i = 1;
      for (String step : steps) {
        s.setString(i++, step);
      }
      for (String step : steps) {
        s.setString(i++, step);
      }
      for (int k = 2; k <= steps.size(); k++) {
        s.setLong(i++, windowMs);
      }
      List<Step> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Object median = r.getObject(3);
          out.add(new Step(r.getLong(2), median == null ? null : ((Number) median).longValue()));
        }
      }
      return out;
    }
  }
}
