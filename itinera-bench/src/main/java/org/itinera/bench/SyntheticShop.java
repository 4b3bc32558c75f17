package org.itinera.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.itinera.event.Event;

/**
 * Events of a shop at scale for query benchmarks: each customer browses (pages and clicks with
 * coordinates), signs up with traits, may buy, open a ticket, review and answer NPS/CSAT, over a
 * year. Texts carry sentiment, emotion and topics as text analytics would store them. Seeded, so
 * every run measures the same data.
 */
final class SyntheticShop {
  private static final long DAY = 86_400_000L;
  private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final String[] PAGES = {"Home", "Category", "Product", "Cart", "Checkout"};
  private static final String[] TOPICS = {"delivery", "coupon", "size", "support", "refund",
      "price", "quality", "app"};
  private static final String[] CHANNELS = {"web", "app"};

  private final SplittableRandom random;
  private long seq;

  SyntheticShop(long seed) {
    random = new SplittableRandom(seed);
  }

  /** Hands the events of customers [0, n) to sink in batches of about batchSize. */
  void generate(int customers, int batchSize, Consumer<List<Event>> sink) {
    List<Event> batch = new ArrayList<>(batchSize + 64);
    for (int c = 0; c < customers; c++) {
      customer(c, batch);
      if (batch.size() >= batchSize) {
        sink.accept(batch);
        batch = new ArrayList<>(batchSize + 64);
      }
    }
    if (!batch.isEmpty()) {
      sink.accept(batch);
    }
  }

  private Event ev(String anon, String user, long ts, String type, String name, String channel,
      String props, String traits, String text, Double sentiment, String emotion, String topic,
      Double rating, Double revenue) {
    return new Event("b" + (++seq), null, anon, user, ts, ts, type, name, channel, "bench", props,
        null, traits, text, text == null ? null : "ko", sentiment, emotion,
        topic == null ? List.of() : List.of(topic), rating, revenue, revenue == null ? null : "KRW");
  }

  private void customer(int c, List<Event> out) {
    String anon = "a" + c;
    String user = "u" + c;
    long t = START + random.nextLong(365 * DAY);
    boolean mobile = random.nextInt(3) == 0;
    int visits = 1 + random.nextInt(4);
    for (int v = 0; v < visits; v++) {
      long at = t + v * (1 + random.nextInt(20)) * DAY;
      for (int p = 0; p < 3 + random.nextInt(3); p++) {
        String page = PAGES[Math.min(p, PAGES.length - 1)];
        out.add(ev(anon, null, at + p * 60_000L, "page", "Page Viewed", "web",
            "{\"name\":\"" + page + "\"}", null, null, null, null, null, null, null));
        out.add(ev(anon, null, at + p * 60_000L + 5_000, "track", "Element Clicked", "web",
            "{\"page\":\"" + page + "\",\"x\":" + random.nextInt(mobile ? 390 : 1280) + ",\"y\":"
                + random.nextInt(1400) + ",\"element\":\"e" + random.nextInt(6)
                + "\",\"viewport_width\":" + (mobile ? 390 : 1280) + "}",
            null, null, null, null, null, null, null));
      }
    }
    if (random.nextInt(4) == 0) {
      return;
    }
    out.add(ev(anon, user, t + 600_000, "identify", "Identify", "web", null,
        "{\"name\":\"Customer " + c + "\",\"email\":\"c" + c + "@example.com\",\"plan\":\""
            + (random.nextInt(3) == 0 ? "gold" : "basic") + "\",\"city\":\"city" + random.nextInt(8)
            + "\"}", null, null, null, null, null, null));
    String channel = CHANNELS[random.nextInt(2)];
    long buy = t + DAY;
    out.add(ev(null, user, buy, "track", "Product Viewed", channel, null, null, null, null, null,
        null, null, null));
    if (random.nextInt(10) < 6) {
      out.add(ev(null, user, buy + 60_000, "track", "Product Added", channel, null, null, null,
          null, null, null, null, null));
      if (random.nextInt(10) < 6) {
        out.add(ev(null, user, buy + 120_000, "track", "Checkout Started", channel, null, null,
            null, null, null, null, null, null));
        if (random.nextInt(10) < 7) {
          out.add(ev(null, user, buy + 300_000, "track", "Order Completed", channel, null, null,
              null, null, null, null, null, 10_000.0 + 1000 * random.nextInt(200)));
        }
      }
    }
    if (random.nextInt(4) == 0) {
      double s = -0.2 - 0.7 * random.nextDouble();
      out.add(ev(null, user, buy + 3 * DAY, "ticket", "Ticket Opened", "call_center", null, null,
          "배송이 늦어요 " + c, s, "frustration", TOPICS[random.nextInt(TOPICS.length)], null, null));
      out.add(ev(null, user, buy + 4 * DAY, "survey_response", "CSAT Answered", "survey", null,
          null, null, null, null, null, 1.0 + random.nextInt(5), null));
    }
    if (random.nextInt(3) == 0) {
      double s = random.nextDouble() * 2 - 1;
      out.add(ev(null, user, buy + 7 * DAY, "review", "Review Submitted", "review", null, null,
          "리뷰 " + c, s, s < -0.25 ? "disappointment" : s > 0.25 ? "joy" : "neutral",
          TOPICS[random.nextInt(TOPICS.length)], 1.0 + random.nextInt(5), null));
    }
    if (random.nextInt(2) == 0) {
      out.add(ev(null, user, buy + 10 * DAY, "survey_response", "NPS Answered", "survey",
          "{\"survey\":\"nps\"}", null, null, null, null, null, (double) random.nextInt(11), null));
    }
  }
}
