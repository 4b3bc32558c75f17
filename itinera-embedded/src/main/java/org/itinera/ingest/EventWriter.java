package org.itinera.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.event.Event;
import org.itinera.identity.IdentityGraph;

/**
 * Writes one resolved batch in one transaction: events through the DuckDB appender into a
 * connection-local staging table, then {@code INSERT ... ON CONFLICT DO NOTHING} into {@code
 * events} (the primary key on {@code event_id} makes re-sent messages a no-op), identity changes,
 * customer renames and profile traits. Only after {@code COMMIT} returns does anyone hear "stored".
 */
final class EventWriter {
  private static final String COLUMNS =
      "seq, event_id, customer_id, anonymous_id, user_id, ts, received_at, type, name, channel,"
          + " source_id, properties, context, traits, text, lang, sentiment, emotion, topics,"
          + " rating, revenue, currency";

  private final DuckDBConnection connection;
  private long nextSeq;

  EventWriter(DuckDBConnection connection) throws SQLException {
    this.connection = connection;
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TEMP TABLE IF NOT EXISTS ingest_staging AS SELECT * FROM events LIMIT 0");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS identity_staging AS SELECT * FROM identities"
          + " LIMIT 0");
      try (ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM events")) {
        rs.next();
        nextSeq = rs.getLong(1);
      }
    }
    connection.setAutoCommit(false);
  }

  /**
   * Writes and commits; returns the ids of the events that were new. On failure the transaction
   * is rolled back and nothing of this batch is stored.
   */
  Set<String> write(List<Event> events, IdentityGraph.Changes changes,
      Map<String, String> traitsByCustomer, long nowMs) throws SQLException {
    try {
      long firstSeq = nextSeq;
      try (DuckDBAppender app = connection.createAppender("temp", "main", "ingest_staging")) {
        long seq = firstSeq;
        for (Event e : events) {
          app.beginRow();
          app.append(seq++);
          app.append(e.eventId());
          app.append(e.customerId());
          app.append(e.anonymousId());
          app.append(e.userId());
          app.appendEpochMicros(e.ts() * 1000);
          app.appendEpochMicros(e.receivedAt() * 1000);
          app.append(e.type());
          app.append(e.name());
          app.append(e.channel());
          app.append(e.sourceId());
          app.append(e.propertiesJson());
          app.append(e.contextJson());
          app.append(e.traitsJson());
          app.append(e.text());
          app.append(e.lang());
          app.append(e.sentiment());
          app.append(e.emotion());
          if (e.topics().isEmpty()) {
            app.appendNull();
          } else {
            app.append(e.topics());
          }
          app.append(e.rating());
          app.append(e.revenue());
          app.append(e.currency());
          app.endRow();
        }
      }
      Set<String> inserted = new HashSet<>();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("INSERT INTO events SELECT " + COLUMNS
              + " FROM ingest_staging ON CONFLICT DO NOTHING RETURNING event_id")) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
      writeIdentities(changes, nowMs);
      renameCustomers(changes.renames());
      writeTraits(traitsByCustomer);
      try (Statement st = connection.createStatement()) {
        st.execute("DELETE FROM ingest_staging");
      }
      connection.commit();
      nextSeq = firstSeq + events.size();
      return inserted;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      try (Statement st = connection.createStatement()) {
        st.execute("DELETE FROM ingest_staging");
        st.execute("DELETE FROM identity_staging");
        connection.commit();
      } catch (SQLException ignored) {
        // the staging tables are connection-local and emptied again before the next use
      }
      throw e;
    }
  }

  /** The writer's connection, for a bulk load running on the writer thread (see BulkSession). */
  DuckDBConnection connection() {
    return connection;
  }

  /** The sequence number the next stored event gets. */
  long nextSeq() {
    return nextSeq;
  }

  /** Moves the next sequence number past those a bulk load used; never moves it back. */
  void advanceSeq(long next) {
    nextSeq = Math.max(nextSeq, next);
  }

  private void writeIdentities(IdentityGraph.Changes changes, long nowMs) throws SQLException {
    if (changes.identities().isEmpty()) {
      return;
    }
    try (DuckDBAppender app = connection.createAppender("temp", "main", "identity_staging")) {
      for (Map.Entry<String, String> e : changes.identities().entrySet()) {
        app.beginRow();
        app.append(e.getKey());
        app.append(e.getValue());
        app.appendEpochMicros(nowMs * 1000);
        app.endRow();
      }
    }
    try (Statement st = connection.createStatement()) {
      st.execute("INSERT INTO identities SELECT * FROM identity_staging ON CONFLICT (identity)"
          + " DO UPDATE SET customer_id = excluded.customer_id");
      st.execute("DELETE FROM identity_staging");
    }
  }

  private void renameCustomers(Map<String, String> renames) throws SQLException {
    if (renames.isEmpty()) {
      return;
    }
    try (PreparedStatement events =
            connection.prepareStatement("UPDATE events SET customer_id = ? WHERE customer_id = ?");
        PreparedStatement mergeTraits = connection.prepareStatement(
            "INSERT INTO profiles SELECT ?, traits FROM profiles WHERE customer_id = ?"
                + " ON CONFLICT (customer_id) DO UPDATE SET"
                + " traits = json_merge_patch(excluded.traits, profiles.traits)");
        PreparedStatement dropProfile =
            connection.prepareStatement("DELETE FROM profiles WHERE customer_id = ?")) {
      for (Map.Entry<String, String> r : renames.entrySet()) {
        events.setString(1, r.getValue());
        events.setString(2, r.getKey());
        events.executeUpdate();
        mergeTraits.setString(1, r.getValue());
        mergeTraits.setString(2, r.getKey());
        mergeTraits.executeUpdate();
        dropProfile.setString(1, r.getKey());
        dropProfile.executeUpdate();
      }
    }
  }

  private void writeTraits(Map<String, String> traitsByCustomer) throws SQLException {
    if (traitsByCustomer.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO profiles VALUES (?, ?::JSON) ON CONFLICT (customer_id) DO UPDATE SET"
            + " traits = json_merge_patch(profiles.traits, excluded.traits)")) {
      for (Map.Entry<String, String> t : traitsByCustomer.entrySet()) {
        ps.setString(1, t.getKey());
        ps.setString(2, t.getValue());
        ps.executeUpdate();
      }
    }
  }
}
