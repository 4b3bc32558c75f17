package org.itinera.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.itinera.event.Event;

/** Seeded random event streams with the features the index must get right. */
final class RandomEvents {
  static final long DAY = 86_400_000L;
  static final long T0 = 1_700_000_000_000L;

  private RandomEvents() {}

  /**
   * Events in arrival order: times out of order, equal times, gaps beyond 49.7 days, unnamed
   * events, missing channels, properties, and sparse numeric fields.
   */
  static List<Event> generate(long seed, int customers, int events) {
    Random r = new Random(seed);
    String[] names = {"Page Viewed", "Product Viewed", "Product Added", "Checkout Started",
        "Order Completed", "Ticket Opened", "Review Submitted", null};
    String[] channels = {"web", "app", "email", "store", null};
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String customer = "c" + r.nextInt(customers);
      long ts = T0 + switch (r.nextInt(10)) {
        case 0 -> 200 * DAY + r.nextInt(1000);
        case 1 -> r.nextInt(5) * 1000L;
        default -> (long) r.nextInt(90) * DAY / 3 + r.nextInt(100_000);
      };
      String name = names[r.nextInt(names.length)];
      String type = name == null ? "identify" : name.equals("Page Viewed") ? "page" : "track";
      String props = r.nextInt(3) == 0 ? "{\"total\": " + r.nextInt(200) + ", \"plan\": \""
          + (r.nextBoolean() ? "pro" : "free") + "\"}" : null;
      Double sentiment = r.nextInt(4) == 0 ? Math.round((r.nextDouble() * 2 - 1) * 100) / 100.0
          : null;
      Double revenue = "Order Completed".equals(name) ? (double) r.nextInt(500) : null;
      out.add(new Event("e" + i, customer, null, customer, ts, ts, type, name,
          channels[r.nextInt(channels.length)], null, props, null, null, null, null, sentiment,
          null, null, r.nextInt(20) == 0 ? (double) r.nextInt(11) : null, revenue, null));
    }
    return out;
  }
}
