package org.itinera.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itinera.event.Event;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {
  @TempDir Path dir;

  static Event event(String id, String anon, String user, long ts, String type, String traits) {
    return new Event(id, null, anon, user, ts, ts, type, "E " + id, "web", "src", null, null,
        traits, null, null, null, null, null, null, null, null);
  }

  @Test
  void ingest_resentMessageIdIsANoOp() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      IngestResult first = ing.ingest(List.of(event("m1", "a1", null, 1_000, "track", null),
          event("m2", "a1", null, 2_000, "track", null)));
      IngestResult again = ing.ingest(List.of(event("m1", "a1", null, 1_000, "track", null),
          event("m3", "a1", null, 3_000, "track", null)));
      assertThat(first).isEqualTo(new IngestResult(2, 0));
      assertThat(again).isEqualTo(new IngestResult(1, 1));
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(3);
    }
  }

  @Test
  void ingest_identifyStitchesEarlierAnonymousEventsUnderTheUser() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      ing.ingest(List.of(event("w1", "anon-web", null, 1_000, "page", null),
          event("p1", "device-7", null, 1_500, "screen", null)));
      assertThat(customers(store)).containsOnlyKeys("anon:anon-web", "anon:device-7");
      ing.ingest(List.of(event("i1", "anon-web", "u42", 2_000, "identify",
          "{\"email\":\"Ann@Example.com \"}")));
      ing.ingest(List.of(event("i2", "device-7", "u42", 3_000, "identify", null)));
      ing.ingest(List.of(event("t1", null, "crm-9", 4_000, "identify",
          "{\"email\":\"ann@example.com\"}")));
      Map<String, Long> byCustomer = customers(store);
      assertThat(byCustomer).containsOnlyKeys("crm-9");
      assertThat(byCustomer.get("crm-9")).isEqualTo(5);
      assertThat(count(store, "SELECT count(DISTINCT customer_id) FROM identities")).isEqualTo(1);
    }
  }

  @Test
  void open_reloadsTheIdentityGraphFromTheStore() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      ing.ingest(List.of(event("i1", "a", "u1", 1_000, "identify", null)));
    }
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      ing.ingest(List.of(event("x", "a", null, 2_000, "track", null)));
      assertThat(customers(store)).containsOnlyKeys("u1");
    }
  }

  @Test
  void ingest_concurrentCallersAreAllStoredExactlyOnce() throws Exception {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<IngestResult>> results = new ArrayList<>();
      for (int t = 0; t < 40; t++) {
        int batch = t;
        results.add(pool.submit(() -> {
          List<Event> events = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            events.add(event("b" + batch + "-" + i, "c" + (i % 10), null, 1_000 + i, "track",
                null));
          }
          return ing.ingest(events);
        }));
      }
      int accepted = 0;
      for (Future<IngestResult> r : results) {
        accepted += r.get().accepted();
      }
      pool.shutdown();
      assertThat(accepted).isEqualTo(4_000);
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(4_000);
      assertThat(count(store, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(4_000);
    }
  }

  static long count(Store store, String sql) {
    try (Connection c = store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static Map<String, Long> customers(Store store) {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT customer_id, count(*) FROM events GROUP BY customer_id")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }
}
