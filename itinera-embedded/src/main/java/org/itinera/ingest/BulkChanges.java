package org.itinera.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.store.EventMoves;

/**
 * Identity changes, customer renames and profile traits of a bulk load, written set-based: a
 * file can link hundreds of thousands of identities at once, where one statement per change (fine
 * for an API batch) would take minutes. Each change set goes through the appender into a temp
 * table and is applied with one or two statements.
 */
final class BulkChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BulkChanges() {}

  static void writeIdentities(DuckDBConnection c, Map<String, String> identities, long nowMs)
      throws SQLException {
    if (identities.isEmpty()) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE bulk_identities AS SELECT * FROM identities"
          + " LIMIT 0");
    }
    try (DuckDBAppender app = c.createAppender("temp", "main", "bulk_identities")) {
      for (Map.Entry<String, String> e : identities.entrySet()) {
        app.beginRow();
        app.append(e.getKey());
        app.append(e.getValue());
        app.appendEpochMicros(nowMs * 1000);
        app.endRow();
      }
    }
    // UPDATE + anti-joined INSERT rather than ON CONFLICT DO UPDATE, which is far slower in
    // DuckDB for large sets.
    try (Statement st = c.createStatement()) {
      st.execute("UPDATE identities SET customer_id = s.customer_id FROM bulk_identities s"
          + " WHERE identities.identity = s.identity AND identities.customer_id <> s.customer_id");
      st.execute("INSERT INTO identities SELECT s.* FROM bulk_identities s"
          + " WHERE s.identity NOT IN (SELECT identity FROM identities)");
      st.execute("DROP TABLE bulk_identities");
    }
  }

  static void renameCustomers(DuckDBConnection c, Map<String, String> renames)
      throws SQLException {
    if (renames.isEmpty()) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE bulk_renames (old_id VARCHAR, new_id VARCHAR)");
    }
    try (DuckDBAppender app = c.createAppender("temp", "main", "bulk_renames")) {
      for (Map.Entry<String, String> r : renames.entrySet()) {
        app.beginRow();
        app.append(r.getKey());
        app.append(r.getValue());
        app.endRow();
      }
    }
    // Several old customers may merge into one new one; their profiles are merged here (in
    // Java, few rows) so that the upsert below touches each new profile once. As in the
    // Ingestor, the surviving customer's own traits win over the merged ones.
    Map<String, ObjectNode> merged = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT r.new_id, p.traits FROM profiles p"
            + " JOIN bulk_renames r ON p.customer_id = r.old_id ORDER BY r.old_id")) {
      while (rs.next()) {
        ObjectNode into = merged.computeIfAbsent(rs.getString(1), k -> JSON.createObjectNode());
        String traits = rs.getString(2);
        if (traits != null) {
          try {
            JsonNode node = JSON.readTree(traits);
            if (node instanceof ObjectNode object) {
              into.setAll(object);
            }
          } catch (IOException e) {
            throw new SQLException("profile traits are not JSON: " + e.getMessage(), e);
          }
        }
      }
    }
    try (Statement st = c.createStatement()) {
      if (st.executeUpdate("UPDATE events SET customer_id = r.new_id FROM bulk_renames r"
          + " WHERE events.customer_id = r.old_id") > 0) {
        EventMoves.record(c);
      }
      st.execute("DELETE FROM profiles WHERE customer_id IN (SELECT old_id FROM bulk_renames)");
      st.execute("DROP TABLE bulk_renames");
    }
    Map<String, String> json = new LinkedHashMap<>();
    merged.forEach((customer, node) -> json.put(customer, node.toString()));
    upsertTraits(c, json, "json_merge_patch(excluded.traits, profiles.traits)");
  }

  static void writeTraits(DuckDBConnection c, Map<String, String> traitsByCustomer)
      throws SQLException {
    upsertTraits(c, traitsByCustomer, "json_merge_patch(profiles.traits, excluded.traits)");
  }

  private static void upsertTraits(DuckDBConnection c, Map<String, String> traitsByCustomer,
      String mergeExpression) throws SQLException {
    if (traitsByCustomer.isEmpty()) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE bulk_traits (customer_id VARCHAR, traits VARCHAR)");
    }
    try (DuckDBAppender app = c.createAppender("temp", "main", "bulk_traits")) {
      for (Map.Entry<String, String> t : traitsByCustomer.entrySet()) {
        app.beginRow();
        app.append(t.getKey());
        app.append(t.getValue());
        app.endRow();
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute("INSERT INTO profiles (customer_id, traits) SELECT customer_id, traits::JSON"
          + " FROM bulk_traits ON CONFLICT (customer_id) DO UPDATE SET traits = "
          + mergeExpression);
      st.execute("DROP TABLE bulk_traits");
    }
  }
}
