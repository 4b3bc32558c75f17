package org.itinera.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.event.Event;
import org.itinera.store.Store;

/**
 * A real store in a temporary directory (tables from the store's own migrations), with events
 * written through the DuckDB appender with increasing seq in list order.
 */
final class EventsTable {
  private EventsTable() {}

  static Store create(Path dir) {
    return Store.open(dir);
  }

  /** Inserts events with seq = firstSeq, firstSeq + 1, ... in list order (DuckDB appender). */
  static void insert(Connection c, List<Event> events, long firstSeq) throws SQLException {
    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(
        DuckDBConnection.DEFAULT_SCHEMA, "events")) {
      long seq = firstSeq;
      for (Event e : events) {
        a.beginRow();
        a.append(seq);
        a.append(e.eventId() + "@" + seq++);
        a.append(e.customerId());
        nullable(a, e.anonymousId());
        nullable(a, e.userId());
        a.append(time(e.ts()));
        a.append(time(e.receivedAt()));
        a.append(e.type());
        nullable(a, e.name());
        nullable(a, e.channel());
        nullable(a, e.sourceId());
        nullable(a, e.propertiesJson());
        a.appendNull();
        a.appendNull();
        nullable(a, e.text());
        nullable(a, e.lang());
        a.append(e.sentiment());
        nullable(a, e.emotion());
        a.appendNull();
        a.append(e.rating());
        a.append(e.revenue());
        nullable(a, e.currency());
        a.endRow();
      }
    }
  }

  private static void nullable(DuckDBAppender a, String v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  private static LocalDateTime time(long epochMs) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
  }

  static void profile(Connection c, String customer, String traitsJson) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO profiles (customer_id, traits) VALUES (?, ?)")) {
      s.setString(1, customer);
      s.setString(2, traitsJson);
      s.execute();
    }
  }
}
