package org.itinera.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overloaded writer refuses at once with 429 and Retry-After instead of queueing without
 * bound; a refused batch stores nothing, and the server serves again once the load is gone.
 */
class OverloadTest {
  private static final int THREADS = 8;
  private static final int EVENTS_PER_BATCH = 1_000;
  private static final int MAX_ROUNDS = 20;

  @Test
  void post_whileTheWriterIsOverloaded_is429WithRetryAfterAndStoresNothingOfIt(
      @TempDir Path dir) throws Exception {
    // maxPendingEvents 1: a batch is refused whenever another is still waiting for the writer.
    try (CollectServer api = new CollectServer(dir, 1)) {
      List<CollectServer.Reply> replies = new ArrayList<>();
      List<String> bodies = new ArrayList<>();
      List<String> prefixes = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (int round = 0; round < MAX_ROUNDS && replies.stream()
            .noneMatch(r -> r.status() == 429); round++) {
          List<Future<CollectServer.Reply>> inFlight = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            String prefix = "r" + round + "t" + t;
            String body = batch(prefix);
            prefixes.add(prefix);
            bodies.add(body);
            inFlight.add(pool.submit(() -> api.post("/v1/batch", body)));
          }
          for (Future<CollectServer.Reply> f : inFlight) {
            replies.add(f.get(60, TimeUnit.SECONDS));
          }
        }
      } finally {
        pool.shutdownNow();
      }

      List<CollectServer.Reply> refused =
          replies.stream().filter(r -> r.status() == 429).toList();
      assertThat(refused).as("a 429 within %d rounds of %d concurrent batches", MAX_ROUNDS,
          THREADS).isNotEmpty();
      for (CollectServer.Reply r : refused) {
        assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
        assertThat(r.json().at("/error/code").asText()).isEqualTo("OVERLOADED");
        assertThat(r.json().at("/error/message").asText()).contains("retry");
      }
      long acknowledged = 0;
      for (int i = 0; i < replies.size(); i++) {
        CollectServer.Reply r = replies.get(i);
        assertThat(r.status()).isIn(200, 429);
        long stored = (Long) api.rows("SELECT count(*) AS n FROM events WHERE event_id LIKE ?",
            prefixes.get(i) + "-%").get(0).get("n");
        if (r.status() == 200) {
          assertThat(r.json().get("accepted").asInt()).isEqualTo(EVENTS_PER_BATCH);
          assertThat(stored).isEqualTo(EVENTS_PER_BATCH);
          acknowledged += EVENTS_PER_BATCH;
        } else {
          assertThat(stored).as("events of a refused batch").isZero();
        }
      }
      assertThat(api.count()).isEqualTo(acknowledged);

      // Load gone: the client's retry of a refused batch now succeeds.
      String retried = bodies.get(replies.indexOf(refused.get(0)));
      var retry = api.post("/v1/batch", retried);
      assertThat(retry.status()).isEqualTo(200);
      assertThat(retry.json().get("accepted").asInt()).isEqualTo(EVENTS_PER_BATCH);
    }
  }

  private static String batch(String prefix) {
    StringBuilder sb = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < EVENTS_PER_BATCH; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"messageId\":\"").append(prefix)
          .append('-').append(i).append("\",\"anonymousId\":\"a").append(i % 50)
          .append("\",\"event\":\"E\"}");
    }
    return sb.append("]}").toString();
  }
}
