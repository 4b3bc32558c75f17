package org.itinera.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison the issue asks for: the same funnel as one hand-written DuckDB SQL query over the
 * same table, with the engine's semantics (best attempt over every step-1 event, each step strictly
 * after the previous one in (ts, seq) order, all within the window from step 1).
 *
 * <p>Method: for an event of step k, the best attempt that can use it is the one with the latest
 * start among the valid step-(k-1) events before it (a later start leaves more of the window). That
 * start never decreases along a customer's events, so it is the start of the latest valid
 * step-(k-1) event before it: one backward ASOF join per step, over that step's events only.
 * Positions are (epoch ms, seq) packed into a HUGEINT so the join's single inequality orders ties
 * by arrival. A customer reached step k when any of its step-k events is valid. Customers are
 * joined by the 64-bit hash of their id (about twice as fast as joining the strings; a collision
 * among a million ids has odds near 10^-8 and would show as a difference from the engine), and the
 * step events are materialised once for the five joins.
 *
 * <p>Returns customers per step, which the benchmark compares with the engine's.
 */
final class HandWrittenSqlFunnel {
  private HandWrittenSqlFunnel() {}

  static String sql(int steps) {
    StringBuilder q = new StringBuilder("WITH e AS MATERIALIZED (SELECT hash(customer_id) AS c, "
        + "epoch_ms(ts) AS t, epoch_ms(ts)::HUGEINT * 1099511627776 + seq AS p, name AS n "
        + "FROM events WHERE name IN (");
    for (int k = 1; k <= steps; k++) {
      q.append(k == 1 ? "?" : ", ?");
    }
    q.append(")), v1 AS (SELECT c, p, t AS s FROM e WHERE n = ?)");
    for (int k = 2; k <= steps; k++) {
      q.append(", v").append(k).append(" AS (SELECT x.c, x.p, v.s FROM (SELECT c, p, t FROM e ")
          .append("WHERE n = ?) x ASOF JOIN v").append(k - 1)
          .append(" v ON x.c = v.c AND x.p > v.p WHERE x.t - v.s <= ?)");
    }
    q.append(" SELECT ");
    for (int k = 1; k <= steps; k++) {
      q.append(k == 1 ? "" : ", ").append("(SELECT count(DISTINCT c) FROM v").append(k)
          .append(')');
    }
    return q.toString();
  }

  static List<Long> run(Connection c, String[] steps, long windowMs) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql(steps.length))) {
      int i = 1;
      for (String step : steps) {
        s.setString(i++, step);
      }
      s.setString(i++, steps[0]);
      for (int k = 1; k < steps.length; k++) {
        s.setString(i++, steps[k]);
        s.setLong(i++, windowMs);
      }
      List<Long> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        r.next();
        for (int k = 1; k <= steps.length; k++) {
          out.add(r.getLong(k));
        }
      }
      return out;
    }
  }
}
