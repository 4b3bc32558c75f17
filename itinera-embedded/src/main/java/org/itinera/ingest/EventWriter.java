package org.itinera.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.event.Event;
import org.itinera.identity.IdentityGraph;
import org.itinera.store.EventMoves;

/**
 * Writes one resolved batch in one transaction: events, identity changes, customer renames and
 * profile traits. Only after {@code COMMIT} returns does anyone hear "stored".
 *
 * <p>Design notes. The primary key on {@code event_id} makes re-sent messages a no-op. Most
 * groups hold only new ids, so the fast path appends them straight into {@code events} (no
 * staging copy, no conflict handling); a re-sent id makes the appender's flush fail with a key
 * violation, the transaction is rolled back, and the group is written again by the slow path:
 * appender into a connection-local staging table, then {@code INSERT ... ON CONFLICT DO NOTHING},
 * and, only when some rows were skipped, a look-up of which ones were stored by their {@code seq}
 * range (cheap: {@code seq} grows, so the zone maps skip all but the newest row group). After a
 * fallback the next group goes to the slow path directly, so a client re-sending in a loop does
 * not pay twice. Appenders are flushed explicitly: an error on close is not reported.
 */
final class EventWriter {
  private static final String COLUMNS =
      "seq, event_id, customer_id, anonymous_id, user_id, ts, received_at, type, name, channel,"
          + " source_id, properties, context, traits, text, lang, sentiment, emotion, topics,"
          + " rating, revenue, currency";

  static final String CHECKPOINT_THRESHOLD = "256MB";

  /**
   * What linking a group's identities changed: the graph's changes, which identities were first
   * seen in this group, and the lowest seq an event of a renamed customer can have.
   */
  record Linked(IdentityGraph.Changes changes, Set<String> newIdentities, long renameFromSeq) {}

  private final DuckDBConnection connection;
  private long nextSeq;
  /** Set after a group met a re-sent id, so the next one skips the fast path. */
  private boolean slowPathNext;

  EventWriter(DuckDBConnection connection) throws SQLException {
    this.connection = connection;
    try (Statement st = connection.createStatement()) {
      // DuckDB checkpoints (WAL folded into the file, row groups compressed, the event_id index
      // written) every 16 MB of WAL by default, about every 60,000 events here; each costs far
      // more than its share of appends. At 256 MB sustained HTTP ingestion measured 28.8 instead
      // of 38.2 CPU-us per event (HttpIngestBenchmark, 1.2M events), and replaying a full WAL
      // after a crash takes seconds (172 MB: 5.6 s). The setting is database-wide.
      st.execute("SET checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS ingest_staging AS SELECT * FROM events LIMIT 0");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS identity_staging AS SELECT * FROM identities"
          + " LIMIT 0");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS rename_staging (old_id VARCHAR, new_id VARCHAR)");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS traits_staging (customer_id VARCHAR,"
          + " traits VARCHAR)");
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
  Set<String> write(List<Event> events, Linked linked, Map<String, String> traitsByCustomer,
      long nowMs) throws SQLException {
    IdentityGraph.Changes changes = linked.changes();
    long firstSeq = nextSeq;
    Set<String> inserted = null;
    if (!slowPathNext) {
      try {
        appendEvents(events, firstSeq, false);
        inserted = new HashSet<>(events.size() * 2);
        for (Event e : events) {
          inserted.add(e.eventId());
        }
      } catch (SQLException e) {
        // Almost always a re-sent event id; anything else fails again on the slow path.
        rollbackQuietly();
        slowPathNext = true;
      }
    }
    try {
      if (inserted == null) {
        inserted = insertSkippingDuplicates(events, firstSeq);
        slowPathNext = inserted.size() < events.size();
      }
      writeIdentities(changes, linked.newIdentities(), nowMs);
      renameCustomers(changes.renames(), linked.renameFromSeq());
      writeTraits(traitsByCustomer);
      connection.commit();
      nextSeq = firstSeq + events.size();
      return inserted;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      throw e;
    }
  }

  private void appendEvents(List<Event> events, long firstSeq, boolean toStaging)
      throws SQLException {
    try (DuckDBAppender app = toStaging
        ? connection.createAppender("temp", "main", "ingest_staging")
        : connection.createAppender("main", "events")) {
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
      app.flush();
    }
  }

  private Set<String> insertSkippingDuplicates(List<Event> events, long firstSeq)
      throws SQLException {
    appendEvents(events, firstSeq, true);
    int count;
    try (Statement st = connection.createStatement()) {
      count = st.executeUpdate("INSERT INTO events SELECT " + COLUMNS
          + " FROM ingest_staging ON CONFLICT DO NOTHING");
      st.execute("DELETE FROM ingest_staging");
    }
    Set<String> inserted = new HashSet<>(count * 2);
    if (count == events.size()) {
      for (Event e : events) {
        inserted.add(e.eventId());
      }
      return inserted;
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT event_id FROM events WHERE seq >= ? AND seq < ?")) {
      ps.setLong(1, firstSeq);
      ps.setLong(2, firstSeq + events.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
    }
    return inserted;
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
      try (Statement st = connection.createStatement()) {
        st.execute("DELETE FROM ingest_staging");
        st.execute("DELETE FROM identity_staging");
        st.execute("DELETE FROM rename_staging");
        connection.commit();
      }
    } catch (SQLException ignored) {
      // the staging tables are connection-local and emptied again before the next use
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

  /**
   * Persists identity changes. Identities first seen in this group go straight into the table
   * through the appender; only those that moved to another customer need the upsert, which costs
   * DuckDB tens of microseconds a row.
   */
  private void writeIdentities(IdentityGraph.Changes changes, Set<String> newIdentities,
      long nowMs) throws SQLException {
    if (changes.identities().isEmpty()) {
      return;
    }
    int moved = 0;
    try (DuckDBAppender fresh = connection.createAppender("main", "identities");
        DuckDBAppender staging = connection.createAppender("temp", "main", "identity_staging")) {
      for (Map.Entry<String, String> e : changes.identities().entrySet()) {
        DuckDBAppender app = newIdentities.contains(e.getKey()) ? fresh : staging;
        moved += app == staging ? 1 : 0;
        app.beginRow();
        app.append(e.getKey());
        app.append(e.getValue());
        app.appendEpochMicros(nowMs * 1000);
        app.endRow();
      }
      fresh.flush();
      staging.flush();
    }
    if (moved > 0) {
      try (Statement st = connection.createStatement()) {
        st.execute("INSERT INTO identities SELECT * FROM identity_staging ON CONFLICT (identity)"
            + " DO UPDATE SET customer_id = excluded.customer_id");
        st.execute("DELETE FROM identity_staging");
      }
    }
  }


  /**
   * Moves renamed customers' past events and profiles to their new ids. The events move in one
   * joined UPDATE per group, not one per rename, each pass reading {@code customer_id} of every
   * event from {@code fromSeq} on (no renamed customer has an older event; see FreshCustomers).
   */
  private void renameCustomers(Map<String, String> renames, long fromSeq) throws SQLException {
    if (renames.isEmpty()) {
      return;
    }
    try (DuckDBAppender app = connection.createAppender("temp", "main", "rename_staging")) {
      for (Map.Entry<String, String> r : renames.entrySet()) {
        app.beginRow();
        app.append(r.getKey());
        app.append(r.getValue());
        app.endRow();
      }
      app.flush();
    }
    Map<String, String> withProfile = new LinkedHashMap<>();
    try (PreparedStatement move = connection.prepareStatement(
        "UPDATE events SET customer_id = r.new_id FROM rename_staging r"
            + " WHERE events.customer_id = r.old_id AND events.seq >= ?")) {
      move.setLong(1, fromSeq);
      if (move.executeUpdate() > 0) {
        EventMoves.record(connection);
      }
    }
    try (Statement st = connection.createStatement()) {
      // Most renamed customers are anonymous visitors without a profile: find the few that
      // have one instead of trying each.
      try (ResultSet rs = st.executeQuery("SELECT r.old_id, r.new_id FROM rename_staging r"
          + " JOIN profiles p ON p.customer_id = r.old_id")) {
        while (rs.next()) {
          withProfile.put(rs.getString(1), rs.getString(2));
        }
      }
      st.execute("DELETE FROM rename_staging");
    }
    if (withProfile.isEmpty()) {
      return;
    }
    try (PreparedStatement mergeTraits = connection.prepareStatement(
            "INSERT INTO profiles SELECT ?, traits FROM profiles WHERE customer_id = ?"
                + " ON CONFLICT (customer_id) DO UPDATE SET"
                + " traits = json_merge_patch(excluded.traits, profiles.traits)");
        PreparedStatement dropProfile =
            connection.prepareStatement("DELETE FROM profiles WHERE customer_id = ?")) {
      for (Map.Entry<String, String> r : withProfile.entrySet()) {
        mergeTraits.setString(1, r.getValue());
        mergeTraits.setString(2, r.getKey());
        mergeTraits.executeUpdate();
        dropProfile.setString(1, r.getKey());
        dropProfile.executeUpdate();
      }
    }
  }

  /**
   * Merges the group's traits into the profiles in one statement: the customers' traits are
   * appended to a staging table (one row per customer, so one upsert per key) and upserted from
   * there, which costs one round trip however many customers the group touched.
   */
  private void writeTraits(Map<String, String> traitsByCustomer) throws SQLException {
    if (traitsByCustomer.isEmpty()) {
      return;
    }
    try (DuckDBAppender app = connection.createAppender("temp", "main", "traits_staging")) {
      for (Map.Entry<String, String> t : traitsByCustomer.entrySet()) {
        app.beginRow();
        app.append(t.getKey());
        app.append(t.getValue());
        app.endRow();
      }
    }
    try (Statement st = connection.createStatement()) {
      st.execute("INSERT INTO profiles SELECT customer_id, traits::JSON FROM traits_staging"
          + " ON CONFLICT (customer_id) DO UPDATE SET"
          + " traits = json_merge_patch(profiles.traits, excluded.traits)");
      st.execute("DELETE FROM traits_staging");
    }
  }

}
