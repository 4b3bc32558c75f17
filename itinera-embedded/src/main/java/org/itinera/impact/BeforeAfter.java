package org.itinera.impact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Computes {@link Measures} over {@code [date − window, date)} and {@code [date, date + window)}
 * for the customers selected (all, a trait segment, or explicit ids). Equal windows keep the
 * comparison fair; seasonality is the caller's to judge. Every value is a bound parameter.
 */
public final class BeforeAfter {
  private final Connection connection;

  public BeforeAfter(Connection connection) {
    this.connection = connection;
  }

  /**
   * @param traitName optional trait segment (with {@code traitValue})
   * @param customerIds optional explicit canonical customer ids
   * @param topic optional topic whose mentions are counted
   */
  public Comparison compare(long date, long windowMs, String traitName, String traitValue,
      List<String> customerIds, String topic) {
    if (windowMs <= 0) {
      throw ItineraException.invalid("window", "must be positive");
    }
    if ((traitName == null) != (traitValue == null)) {
      throw ItineraException.invalid("trait", "give both the trait name and its value");
    }
    Measures before = measure(date - windowMs, date, traitName, traitValue, customerIds, topic);
    Measures after = measure(date, date + windowMs, traitName, traitValue, customerIds, topic);
    Map<String, Double> change = new LinkedHashMap<>();
    change.put("activeCustomers", (double) (after.activeCustomers() - before.activeCustomers()));
    change.put("orders", (double) (after.orders() - before.orders()));
    change.put("revenue", after.revenue() - before.revenue());
    change.put("conversion", diff(after.conversion(), before.conversion()));
    change.put("meanSentiment", diff(after.meanSentiment(), before.meanSentiment()));
    change.put("shareNegative", diff(after.shareNegative(), before.shareNegative()));
    change.put("tickets", (double) (after.tickets() - before.tickets()));
    change.put("medianResolutionHours",
        diff(after.medianResolutionHours(), before.medianResolutionHours()));
    change.put("nps", diff(after.nps(), before.nps()));
    change.put("topicMentions", (double) (after.topicMentions() - before.topicMentions()));
    change.values().removeIf(v -> v == null);
    String segment = customerIds != null ? customerIds.size() + " customers"
        : traitName != null ? traitName + " = " + traitValue : "all customers";
    return new Comparison(segment, date, before, after, change);
  }

  private static Double diff(Double a, Double b) {
    return a == null || b == null ? null : a - b;
  }

  private Measures measure(long from, long to, String traitName, String traitValue,
      List<String> ids, String topic) {
    StringBuilder sql = new StringBuilder("WITH e AS (SELECT * FROM events"
        + " WHERE ts >= ? AND ts < ?");
    List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
    if (traitName != null) {
      sql.append(" AND customer_id IN (SELECT customer_id FROM profiles"
          + " WHERE json_extract_string(traits, ?) = ?)");
      params.add("$.\"" + traitName.replace("\"", "") + "\"");
      params.add(traitValue);
    }
    if (ids != null) {
      sql.append(" AND list_contains(?, customer_id)");
      params.add(ids);
    }
    sql.append("), tickets AS (SELECT coalesce(json_extract_string(properties, '$.ticket_id'),"
        + " json_extract_string(properties, '$.ticketId')) AS tid, min(ts) AS opened,"
        + " min(ts) FILTER (WHERE name ILIKE '%resolved%' OR name ILIKE '%closed%'"
        + " OR json_extract_string(properties, '$.status') IN ('resolved', 'closed')) AS done"
        + " FROM e WHERE type = 'ticket' OR name ILIKE '%ticket%' GROUP BY 1 HAVING tid IS NOT"
        + " NULL), nps AS (SELECT rating FROM e WHERE rating IS NOT NULL AND (name ILIKE '%nps%'"
        + " OR json_extract_string(properties, '$.survey') ILIKE 'nps'))"
        + " SELECT (SELECT count(DISTINCT customer_id) FROM e),"
        + " (SELECT count(*) FROM e),"
        + " (SELECT count(*) FROM e WHERE type = 'purchase' OR name = 'Order Completed'),"
        + " (SELECT coalesce(sum(revenue), 0) FROM e WHERE type = 'purchase'"
        + "   OR name = 'Order Completed'),"
        + " (SELECT count(DISTINCT customer_id) FROM e WHERE type = 'purchase'"
        + "   OR name = 'Order Completed'),"
        + " (SELECT count(*) FROM e WHERE text IS NOT NULL AND sentiment IS NOT NULL),"
        + " (SELECT avg(sentiment) FROM e WHERE text IS NOT NULL),"
        + " (SELECT avg(CASE WHEN sentiment <= -0.25 THEN 1.0 ELSE 0.0 END) FROM e"
        + "   WHERE text IS NOT NULL AND sentiment IS NOT NULL),"
        + " (SELECT count(*) FROM tickets),"
        + " (SELECT median(epoch(done) - epoch(opened)) / 3600.0 FROM tickets"
        + "   WHERE done IS NOT NULL AND done > opened),"
        + " (SELECT count(*) FROM nps),"
        + " (SELECT 100.0 * (avg(CASE WHEN rating >= 9 THEN 1.0 ELSE 0.0 END)"
        + "   - avg(CASE WHEN rating <= 6 THEN 1.0 ELSE 0.0 END)) FROM nps),"
        + " (SELECT count(*) FROM e WHERE ? IS NOT NULL AND list_contains(topics, ?))");
    params.add(topic);
    params.add(topic);
    try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof List<?> list) {
          ps.setArray(i + 1, connection.createArrayOf("VARCHAR", list.toArray()));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long active = rs.getLong(1);
        long buyers = rs.getLong(5);
        return new Measures(from, to, active, rs.getLong(2), rs.getLong(3), rs.getDouble(4),
            active == 0 ? null : (double) buyers / active, rs.getLong(6), nullable(rs, 7),
            nullable(rs, 8), rs.getLong(9), nullable(rs, 10), rs.getLong(11), nullable(rs, 12),
            rs.getLong(13));
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot compare periods: " + e.getMessage());
    }
  }

  private static Double nullable(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }

  private static Timestamp ts(long ms) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC));
  }
}
