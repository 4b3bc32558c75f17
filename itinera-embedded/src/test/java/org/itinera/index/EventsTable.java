package org.itinera.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.event.Event;

/**
 * A real DuckDB file with the store's tables created exactly as the spine specifies (until the
 * store lands on main), and events written with increasing seq in list order.
 */
final class EventsTable {
  static final String DDL = """
      CREATE TABLE events (
        seq          BIGINT  NOT NULL,
        event_id     VARCHAR PRIMARY KEY,
        customer_id  VARCHAR NOT NULL,
        anonymous_id VARCHAR,
        user_id      VARCHAR,
        ts           TIMESTAMP NOT NULL,
        received_at  TIMESTAMP NOT NULL,
        type         VARCHAR NOT NULL,
        name         VARCHAR,
        channel      VARCHAR,
        source_id    VARCHAR,
        properties   JSON,
        context      JSON,
        traits       JSON,
        text         VARCHAR,
        lang         VARCHAR,
        sentiment    DOUBLE,
        emotion      VARCHAR,
        topics       VARCHAR[],
        rating       DOUBLE,
        revenue      DOUBLE,
        currency     VARCHAR
      );
      CREATE TABLE profiles (customer_id VARCHAR PRIMARY KEY, traits JSON,
                             first_seen TIMESTAMP, last_seen TIMESTAMP);
      """;

  private EventsTable() {}

  static Connection create(Path dir) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("itinera.duckdb"));
    try (Statement s = c.createStatement()) {
      s.execute(DDL);
    }
    return c;
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
