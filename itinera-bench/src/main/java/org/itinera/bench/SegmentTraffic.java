package org.itinera.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Segment {@code /v1/batch} bodies resembling a web shop's traffic, the same for the same batch
 * index. Visitors come from a sliding window ({@code visitors} wide, moving {@code arrivals} ids
 * per batch), so new anonymous visitors keep arriving; a third of them sign in on about half of
 * their events, and the first such event stitches their anonymous history to their user id (an
 * identity merge and a rename of their earlier events, as in production). With no arrivals the
 * population is fixed and, once every visitor has been seen, nothing is stitched any more.
 */
public final class SegmentTraffic {
  private static final String[] EVENTS = {"Product Viewed", "Product Added", "Cart Viewed",
      "Checkout Started", "Order Completed", "Search", "Signed In", "Coupon Applied"};
  private static final String[] PAGES = {"/", "/shoes", "/shoes/runner-2", "/cart",
      "/checkout", "/help", "/account"};
  private final int batchSize;
  private final int visitors;
  private final int arrivals;
  private final Instant base = Instant.now().minusSeconds(6 * 3600);

  public SegmentTraffic(int batchSize, int visitors, int arrivals) {
    if (batchSize < 1 || visitors < 1 || arrivals < 0) {
      throw new IllegalArgumentException("batchSize and visitors must be >= 1, arrivals >= 0");
    }
    this.batchSize = batchSize;
    this.visitors = visitors;
    this.arrivals = arrivals;
  }

  /** Bodies of batches {@code first} to {@code first + count - 1}, UTF-8. */
  public List<byte[]> batches(int first, int count) {
    List<byte[]> out = new ArrayList<>(count);
    for (int b = first; b < first + count; b++) {
      out.add(batch(b).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private String batch(int b) {
    SplittableRandom rnd = new SplittableRandom(b);
    // One batch a second of client time, all within the last six hours at the default sizes.
    Instant sentAt = base.plusMillis(b * 1000L % (5 * 3600_000L));
    StringBuilder sb = new StringBuilder(batchSize * 400);
    sb.append("{\"batch\":[");
    for (int i = 0; i < batchSize; i++) {
      long visitor = (long) b * arrivals + rnd.nextInt(visitors);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"messageId\":\"m-").append(b).append('-').append(i).append('"');
      sb.append(",\"anonymousId\":\"anon-").append(visitor).append('"');
      if (visitor % 3 == 0 && rnd.nextBoolean()) {
        sb.append(",\"userId\":\"user-").append(visitor).append('"');
      }
      sb.append(",\"timestamp\":\"").append(sentAt.minusMillis(batchSize - i)).append('"');
      if (rnd.nextInt(4) == 0) {
        String page = PAGES[rnd.nextInt(PAGES.length)];
        sb.append(",\"type\":\"page\",\"name\":\"").append(page).append('"')
            .append(",\"properties\":{\"path\":\"").append(page)
            .append("\",\"referrer\":\"https://search.example/?q=shoes\"}");
      } else {
        String event = EVENTS[rnd.nextInt(EVENTS.length)];
        sb.append(",\"type\":\"track\",\"event\":\"").append(event).append('"')
            .append(",\"properties\":{\"sku\":\"SKU-").append(rnd.nextInt(5000))
            .append("\",\"price\":").append(rnd.nextInt(200_000) / 100.0);
        if (event.equals("Order Completed")) {
          sb.append(",\"revenue\":").append(rnd.nextInt(500_000) / 100.0)
              .append(",\"currency\":\"KRW\"");
        }
        sb.append('}');
      }
      sb.append(",\"context\":{\"ip\":\"10.0.").append(visitor % 256).append('.')
          .append(visitor / 256 % 256)
          .append("\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"locale\":\"ko-KR\"}}");
    }
    return sb.append("],\"sentAt\":\"").append(sentAt).append("\"}").toString();
  }
}
