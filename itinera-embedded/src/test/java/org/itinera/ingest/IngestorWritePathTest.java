package org.itinera.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.ingest.IngestorTest.count;
import static org.itinera.ingest.IngestorTest.customers;
import static org.itinera.ingest.IngestorTest.event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itinera.event.Event;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's two paths (straight append for new ids, conflict-skipping insert once a re-sent id
 * is met) and its batched customer renames give the same results as writing one by one.
 */
class IngestorWritePathTest {
  @TempDir Path dir;

  static List<Event> track(String... ids) {
    List<Event> out = new ArrayList<>();
    for (String id : ids) {
      out.add(event(id, "a-" + id, null, 1_000, "track", null));
    }
    return out;
  }

  @Test
  void ingest_resentIdsAmongNewOnes_storesOnlyTheNewOnesAndCountsTheRest() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      assertThat(ing.ingest(track("a", "b"))).isEqualTo(new IngestResult(2, 0));
      assertThat(ing.ingest(track("b", "c", "d"))).isEqualTo(new IngestResult(2, 1));
      assertThat(ing.ingest(track("e"))).isEqualTo(new IngestResult(1, 0));
      assertThat(ing.ingest(track("f", "a", "g", "e"))).isEqualTo(new IngestResult(2, 2));
      assertThat(ing.ingest(track("h"))).isEqualTo(new IngestResult(1, 0));
      assertThat(ing.ingest(track("a", "b", "c"))).isEqualTo(new IngestResult(0, 3));
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(8);
      assertThat(count(store, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(8);
    }
  }

  @Test
  void ingest_concurrentOverlappingBatches_storeEachIdOnceAndCountItAcceptedOnce()
      throws Exception {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<IngestResult>> results = new ArrayList<>();
      Set<String> distinct = new HashSet<>();
      for (int t = 0; t < 60; t++) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          ids.add("id-" + ((t * 37 + i * 11) % 900)); // batches overlap one another
        }
        distinct.addAll(new HashSet<>(ids));
        List<Event> batch = track(ids.toArray(String[]::new));
        results.add(pool.submit(() -> ing.ingest(batch)));
      }
      int accepted = 0;
      int total = 0;
      for (Future<IngestResult> r : results) {
        accepted += r.get().accepted();
        total += r.get().accepted() + r.get().duplicates();
      }
      pool.shutdown();
      assertThat(total).isEqualTo(60 * 50);
      assertThat(accepted).isEqualTo(distinct.size());
      assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(distinct.size());
    }
  }

  @Test
  void ingest_severalIdentifiesInOneGroup_moveEveryEarlierEventToItsUser() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      List<Event> anonymous = new ArrayList<>();
      for (int c = 0; c < 20; c++) {
        for (int i = 0; i < 3; i++) {
          anonymous.add(event("v" + c + "-" + i, "anon-" + c, null, 1_000 + i, "page", null));
        }
      }
      ing.ingest(anonymous);
      ing.ingest(List.of(event("p0", null, "u0", 1_500, "identify", "{\"plan\":\"pro\"}")));
      List<Event> identifies = new ArrayList<>();
      for (int c = 0; c < 20; c += 2) {
        identifies.add(event("i" + c, "anon-" + c, "u" + c, 2_000, "identify",
            "{\"seen\":" + c + "}"));
      }
      // anon-1 joins u0 through a shared e-mail in the same group: a chain of renames
      identifies.add(event("e1", "anon-1", null, 2_100, "identify",
          "{\"email\":\"one@example.com\"}"));
      identifies.add(event("e0", null, "u0", 2_200, "identify",
          "{\"email\":\"One@Example.com\"}"));
      ing.ingest(identifies);

      var byCustomer = customers(store);
      for (int c = 0; c < 20; c += 2) {
        assertThat(byCustomer.get("u" + c)).as("u" + c).isEqualTo(c == 0 ? 3 + 1 + 1 + 3 + 1 + 1
            : 3 + 1);
      }
      assertThat(byCustomer).doesNotContainKeys("anon:anon-0", "anon:anon-1", "anon:anon-2");
      assertThat(byCustomer.get("anon:anon-3")).isEqualTo(3);
      assertThat(count(store, "SELECT count(*) FROM profiles WHERE customer_id LIKE 'anon:%'"))
          .isZero();
      assertThat(count(store, "SELECT count(*) FROM profiles WHERE customer_id = 'u0'"
          + " AND (traits->>'plan') = 'pro' AND (traits->>'email') IS NOT NULL")).isEqualTo(1);
    }
  }
}
