package org.itinera.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison the issue asks for: the same funnel as one hand-written DuckDB SQL query over
 * the same table. Events of the steps are numbered per customer by (ts, seq); from each step-1
 * event, ASOF joins follow the earliest later event of each next step; an attempt's depth is the
 * prefix of steps within the window; each customer keeps the deepest attempt. Returns customers
 * per step.
 */
final class HandWrittenSqlFunnel {
  private HandWrittenSqlFunnel() {}

  static String sql(int steps) {
    StringBuilder q = new StringBuilder("WITH ev AS (SELECT customer_id AS c, epoch_ms(ts) AS t, "
        + "name AS n, row_number() OVER (PARTITION BY customer_id ORDER BY ts, seq) AS p "
        + "FROM events WHERE name IN (");
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
    q.append(", depth AS (SELECT c, max(CASE");
    for (int k = 2; k <= steps; k++) {
      q.append(" WHEN t").append(k).append(" IS NULL OR t").append(k).append(" - t1 > ? THEN ")
          .append(k - 1);
    }
    q.append(" ELSE ").append(steps).append(" END) AS d FROM a").append(steps)
        .append(" GROUP BY c)");
    q.append(" SELECT k, count(*) FILTER (WHERE d >= k) FROM depth, range(1, ").append(steps + 1)
        .append(") r(k) GROUP BY k ORDER BY k");
    return q.toString();
  }

  static List<Long> run(Connection c, String[] steps, long windowMs) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql(steps.length))) {
      int i = 1;
      for (String step : steps) {
        s.setString(i++, step);
      }
      for (String step : steps) {
        s.setString(i++, step);
      }
      for (int k = 2; k <= steps.length; k++) {
        s.setLong(i++, windowMs);
      }
      List<Long> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getLong(2));
        }
      }
      return out;
    }
  }
}
