package org.itinera.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's count of customer-id rewrites of stored events. Whoever moves events from one
 * customer id to another (identity merges) calls {@link #record} after the move, in the same
 * transaction when it has one; readers that cache events by customer (the sequence index) compare
 * the count with the one they built on to learn that older events moved, without scanning them.
 */
public final class EventMoves {
  private EventMoves() {}

  /** Notes that some stored events changed customer id. */
  public static void record(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("UPDATE event_moves SET generation = generation + 1");
    }
  }

  /** Whether the database keeps the count (every Itinera store does, from schema version 2). */
  public static boolean kept(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet r = st.executeQuery("SELECT count(*) FROM duckdb_tables() "
            + "WHERE schema_name = 'main' AND table_name = 'event_moves'")) {
      r.next();
      return r.getLong(1) > 0;
    }
  }

  /** The current count; the table must be {@link #kept}. */
  public static long generation(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet r = st.executeQuery("SELECT generation FROM event_moves")) {
      r.next();
      return r.getLong(1);
    }
  }
}
