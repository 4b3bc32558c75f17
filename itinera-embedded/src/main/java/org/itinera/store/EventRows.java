package org.itinera.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.itinera.event.Event;

/**
 * Reads canonical events back from the {@code events} table. Select {@link #COLUMNS} and hand
 * each row to {@link #read}.
 */
public final class EventRows {
  public static final String COLUMNS =
      "event_id, customer_id, anonymous_id, user_id, ts, received_at, type, name, channel,"
          + " source_id, properties, context, traits, text, lang, sentiment, emotion, topics,"
          + " rating, revenue, currency";

  private EventRows() {}

  public static Event read(ResultSet rs) throws SQLException {
    return new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        millis(rs.getTimestamp(5)), millis(rs.getTimestamp(6)), rs.getString(7),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getString(13), rs.getString(14), rs.getString(15), nullableDouble(rs, 16),
        rs.getString(17), strings(rs.getArray(18)), nullableDouble(rs, 19),
        nullableDouble(rs, 20), rs.getString(21));
  }

  /** TIMESTAMP columns hold UTC wall-clock time; read them back as UTC epoch milliseconds. */
  public static long millis(Timestamp t) {
    return t == null ? 0 : t.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static Double nullableDouble(ResultSet rs, int col) throws SQLException {
    double d = rs.getDouble(col);
    return rs.wasNull() ? null : d;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      if (v != null) {
        out.add(v.toString());
      }
    }
    return out;
  }
}
