package org.itinera.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Segment Java library (analytics-java 3.5.4), pointed at our server by changing
 * only its endpoint, stores its calls under the right customer.
 *
 * <p>What it really sends, as recorded here: {@code POST /v1/import/} (trailing slash) with a
 * JSON {@code Batch} carrying {@code writeKey}, {@code sentAt}, {@code context} and the messages,
 * uncompressed (3.5.4 has no gzip interceptor), and no Authorization header.
 */
class SegmentLibraryTest {
  /** One request as it reached the server. */
  record Seen(String path, String contentEncoding, String authorization, String contentType) {}

  @Test
  void segmentLibrary_anonymousThenIdentified_isOneCustomer(@TempDir Path dir) throws Exception {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    try (CollectServer api = new CollectServer(dir, 200_000, (app, token) ->
        app.before("/v1/*", ctx -> seen.add(new Seen(ctx.path(), ctx.header("Content-Encoding"),
            ctx.header("Authorization"), ctx.header("Content-Type")))))) {
      int messages = 5;
      CountDownLatch done = new CountDownLatch(messages);
      Map<String, String> failures = new ConcurrentHashMap<>();
      Analytics analytics = Analytics.builder(api.writeKey)
          .endpoint(api.url())
          .flushQueueSize(messages)
          .flushInterval(60, TimeUnit.SECONDS)
          .retries(1)
          .callback(new Callback() {
            @Override
            public void success(Message message) {
              done.countDown();
            }

            @Override
            public void failure(Message message, Throwable throwable) {
              failures.put(message.messageId(), String.valueOf(throwable));
              done.countDown();
            }
          })
          .build();
      Instant yesterday = Instant.now().minusSeconds(86_400);
      try {
        analytics.enqueue(PageMessage.builder("Pricing").anonymousId("visitor-7")
            .properties(Map.of("path", "/pricing")));
        analytics.enqueue(TrackMessage.builder("Product Viewed").anonymousId("visitor-7")
            .properties(Map.of("sku", "SKU-1", "channel", "web")));
        analytics.enqueue(TrackMessage.builder("Old Visit").anonymousId("visitor-7")
            .timestamp(Date.from(yesterday)));
        analytics.enqueue(IdentifyMessage.builder().anonymousId("visitor-7").userId("ann")
            .traits(Map.of("email", "ann@example.com", "name", "Ann")));
        analytics.enqueue(TrackMessage.builder("Order Completed").userId("ann")
            .properties(Map.of("revenue", 42000, "currency", "KRW")));
        analytics.flush();
        assertThat(done.await(30, TimeUnit.SECONDS)).as("all uploads answered").isTrue();
      } finally {
        analytics.shutdown();
      }

      assertThat(failures).isEmpty();
      assertThat(seen).isNotEmpty().allSatisfy(s -> {
        assertThat(s.path()).isIn("/v1/import", "/v1/import/");
        assertThat(s.contentType()).startsWith("application/json");
        assertThat(s.contentEncoding()).isNull();
        assertThat(s.authorization()).as("3.5.4 sends the key as writeKey in the body").isNull();
      });
      var rows = api.rows("SELECT type, name, customer_id, anonymous_id, user_id, revenue,"
          + " currency, epoch_ms(ts) AS ts, CAST(context AS VARCHAR) AS context"
          + " FROM events ORDER BY seq");
      assertThat(rows).extracting(r -> r.get("type") + " " + r.get("name")).containsExactly(
          "page Page Viewed", "track Product Viewed", "track Old Visit", "identify Identify",
          "track Order Completed");
      assertThat(rows).extracting(r -> r.get("customer_id")).containsOnly("ann");
      assertThat(rows.get(4).get("revenue")).isEqualTo(42000.0);
      assertThat(rows.get(4).get("currency")).isEqualTo("KRW");
      assertThat((String) rows.get(0).get("context")).contains("analytics-java");
      // Same clock on both ends: skew correction keeps the historical time within seconds.
      assertThat((Long) rows.get(2).get("ts")).isBetween(yesterday.toEpochMilli() - 5_000,
          yesterday.toEpochMilli() + 5_000);
      assertThat(api.rows("SELECT traits->>'email' AS email FROM profiles WHERE customer_id"
          + " = 'ann'")).extracting(r -> r.get("email")).containsExactly("ann@example.com");
    }
  }
}
