package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itinera demo --no-serve} as a user runs it: the whole wiring, twice. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demo_loadsAnalysedData_andASecondRunAddsNothing() throws SQLException {
    String[] args = {"demo", "--no-serve", "--customers", "120", "--data", dir.toString()};
    assertThat(Main.commandLine().execute(args)).isZero();
    long events;
    try (Store store = Store.open(dir)) {
      events = count(store, "SELECT count(*) FROM events");
      assertThat(events).isGreaterThan(1_000);
      // Text was analysed on the way in: every text carries its language, sentiment and emotion.
      long texts = count(store, "SELECT count(*) FROM events WHERE text IS NOT NULL");
      assertThat(texts).isPositive();
      assertThat(count(store, "SELECT count(*) FROM events WHERE text IS NOT NULL"
          + " AND (lang IS NULL OR sentiment IS NULL OR emotion IS NULL)")).isZero();
      // Traits from identify calls and the CRM file reached the profiles.
      assertThat(count(store, "SELECT count(*) FROM profiles WHERE traits IS NOT NULL"))
          .isPositive();
    }
    assertThat(dir.resolve("truth.json")).isRegularFile();

    assertThat(Main.commandLine().execute(args)).isZero();
    try (Store store = Store.open(dir)) {
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(events);
    }
  }

  private static long count(Store store, String sql) throws SQLException {
    try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
