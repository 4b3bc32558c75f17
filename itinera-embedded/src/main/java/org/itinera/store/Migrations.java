package org.itinera.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Versioned schema migrations, applied in order on open. Each migration is a SQL resource
 * {@code V<n>__<what>.sql}; the applied version is recorded in {@code schema_version}, so opening
 * a file written by an older Itinera upgrades it and opening one written by a newer Itinera is
 * refused instead of silently misreading it.
 */
final class Migrations {
  /** In order; append only, never edit a released migration. */
  static final List<String> SCRIPTS = List.of("V1__events.sql", "V2__event_moves.sql");

  private Migrations() {}

  static int latestVersion() {
    return SCRIPTS.size();
  }

  static void apply(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at"
              + " TIMESTAMP NOT NULL DEFAULT current_timestamp)");
    }
    int current = currentVersion(connection);
    if (current > latestVersion()) {
      throw new ItineraException(ErrorCode.CONFIG_INVALID, "data",
          "the store has schema version " + current + " but this Itinera knows only up to "
              + latestVersion() + "; use a newer Itinera for this data directory");
    }
    boolean autoCommit = connection.getAutoCommit();
    for (int v = current + 1; v <= latestVersion(); v++) {
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String sql : statements(SCRIPTS.get(v - 1))) {
          st.execute(sql);
        }
        try (PreparedStatement ps =
            connection.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
          ps.setInt(1, v);
          ps.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> statements(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("migration resource missing: " + script);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder noComments = new StringBuilder();
      for (String line : text.split("\n")) {
        if (!line.strip().startsWith("--")) {
          noComments.append(line).append('\n');
        }
      }
      return List.of(noComments.toString().split(";")).stream()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + script, e);
    }
  }
}
