package org.itinera.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Finds customers by traits, topics, their own words, channels or an explicit id list. The SQL
 * is assembled only from fixed fragments; every value, trait names included (as JSON paths), is a
 * bound parameter.
 */
public final class CustomerFinder {
  private final Connection connection;

  public CustomerFinder(Connection connection) {
    this.connection = connection;
  }

  public List<CustomerSummary> find(CustomerQuery q) {
    StringBuilder where = new StringBuilder("TRUE");
    List<Object> params = new ArrayList<>();
    for (Map.Entry<String, String> t : q.traits().entrySet()) {
      where.append(" AND e.customer_id IN (SELECT customer_id FROM profiles"
          + " WHERE json_extract_string(traits, ?) = ?)");
      params.add("$.\"" + t.getKey() + "\"");
      params.add(t.getValue());
    }
    if (q.topic() != null) {
      where.append(" AND e.customer_id IN (SELECT customer_id FROM events"
          + " WHERE list_contains(topics, ?))");
      params.add(q.topic());
    }
    if (q.text() != null) {
      where.append(" AND e.customer_id IN (SELECT customer_id FROM events"
          + " WHERE text ILIKE '%' || ? || '%')");
      params.add(q.text().replace("%", "").replace("_", ""));
    }
    if (q.channel() != null) {
      where.append(" AND e.customer_id IN (SELECT customer_id FROM events WHERE channel = ?)");
      params.add(q.channel());
    }
    if (q.ids() != null) {
      where.append(" AND list_contains(?, e.customer_id)");
      params.add(q.ids());
    }
    String sql = "SELECT e.customer_id, count(*), min(e.ts), max(e.ts),"
        + " coalesce(sum(e.revenue), 0), count(*) FILTER (WHERE e.sentiment <= -0.25)"
        + " FROM events e WHERE " + where + " GROUP BY e.customer_id"
        + " ORDER BY max(e.ts) DESC, e.customer_id LIMIT ? OFFSET ?";
    params.add(q.limit());
    params.add(q.offset());
    List<CustomerSummary> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof List<?> list) {
          ps.setArray(i + 1, connection.createArrayOf("VARCHAR", list.toArray()));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CustomerSummary(rs.getString(1), rs.getLong(2), iso(rs.getTimestamp(3)),
              iso(rs.getTimestamp(4)), rs.getDouble(5), rs.getLong(6)));
        }
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot search customers: " + e.getMessage());
    }
    return out;
  }

  private static String iso(Timestamp t) {
    return t == null ? null : t.toLocalDateTime() + "Z";
  }
}
