package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants of the generated data, independent of what was planted in it. */
class DemoGeneratorTest {
  private static final DemoOptions SMALL = DemoOptions.defaults().withCustomers(300);

  /** Collects everything; only for small sizes. */
  static final class Collect implements DemoSink {
    final List<DemoMessage> messages = new ArrayList<>();
    final List<DemoRow> rows = new ArrayList<>();
    final List<DemoRow> truthRows = new ArrayList<>();
    final List<Integer> customerEnds = new ArrayList<>();

    @Override
    public void message(DemoMessage m) {
      messages.add(m);
    }

    @Override
    public void row(DemoRow r) {
      rows.add(r);
    }

    @Override
    public void truthRow(DemoRow r) {
      truthRows.add(r);
    }

    @Override
    public void endCustomer() {
      customerEnds.add(messages.size());
    }

    List<DemoRow> rows(DemoFile f) {
      return rows.stream().filter(r -> r.file() == f).toList();
    }
  }

  private static Collect small;

  private static Collect collect(DemoOptions options) {
    if (options.equals(SMALL) && small != null) {
      return small;
    }
    Collect c = new Collect();
    new DemoGenerator(options).generate(c);
    if (options.equals(SMALL)) {
      small = c;
    }
    return c;
  }

  /** A digest of everything a sink receives, in order. */
  private static String digest(DemoOptions options) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    new DemoGenerator(options).generate(new DemoSink() {
      @Override
      public void message(DemoMessage m) {
        md.update(m.toJson().getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void row(DemoRow r) {
        md.update(String.join("\u0001", r.values()).getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void truthRow(DemoRow r) {
        row(r);
      }
    });
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  @Test
  void generate_sameSeed_identicalOutput() throws Exception {
    assertThat(digest(SMALL)).isEqualTo(digest(SMALL));
  }

  @Test
  void generate_differentSeed_differentOutput() throws Exception {
    assertThat(digest(SMALL)).isNotEqualTo(digest(SMALL.withSeed(43)));
  }

  @Test
  void generate_moreCustomers_extendsTheSmallerDataSet() {
    Collect small = collect(SMALL.withCustomers(60));
    Collect large = collect(SMALL.withCustomers(120));
    List<String> first = small.messages.stream().map(DemoMessage::toJson).toList();
    List<String> prefix = large.messages.subList(0, first.size()).stream().map(DemoMessage::toJson).toList();
    assertThat(prefix).isEqualTo(first);
    assertThat(large.messages.size()).isGreaterThan(first.size());
  }

  @Test
  void generate_idsAreUnique() {
    Collect c = collect(SMALL);
    assertUnique(c.messages.stream().map(DemoMessage::messageId).toList());
    assertUnique(c.rows(DemoFile.ORDERS).stream().map(r -> r.get("order_id")).toList());
    assertUnique(c.rows(DemoFile.TICKETS).stream().map(r -> r.get("ticket_id")).toList());
    assertUnique(c.rows(DemoFile.REVIEWS).stream().map(r -> r.get("review_id")).toList());
    assertUnique(c.rows(DemoFile.SURVEYS).stream().map(r -> r.get("response_id")).toList());
    assertUnique(c.rows(DemoFile.PROFILES).stream().map(r -> r.get("user_id")).toList());
    assertUnique(c.rows(DemoFile.PROFILES).stream().map(r -> r.get("email")).toList());
    assertUnique(c.rows(DemoFile.PROFILES).stream().map(r -> r.get("phone")).toList());
  }

  private static void assertUnique(List<String> ids) {
    assertThat(ids).isNotEmpty().doesNotContainNull();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void generate_timestampsInWindowAndOrderedWithinEachCustomer() {
    Collect c = collect(SMALL);
    long start = LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ReferenceAnalysis.SEOUL).toEpochMilli();
    long end = LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ReferenceAnalysis.SEOUL).toEpochMilli();
    int from = 0;
    for (int to : c.customerEnds) {
      for (int i = from; i < to; i++) {
        long ts = c.messages.get(i).timestamp();
        assertThat(ts).isBetween(start, end - 1);
        if (i > from) {
          assertThat(ts).isGreaterThanOrEqualTo(c.messages.get(i - 1).timestamp());
        }
      }
      from = to;
    }
    String[][] timeColumns = {{"ORDERS", "ordered_at"}, {"TICKETS", "created_at"},
        {"REVIEWS", "created_at"}, {"SURVEYS", "submitted_at"}};
    for (String[] tc : timeColumns) {
      for (DemoRow r : c.rows(DemoFile.valueOf(tc[0]))) {
        assertThat(Instant.parse(r.get(tc[1])).toEpochMilli()).isBetween(start, end - 1);
      }
    }
  }

  @Test
  void generate_followsJourneyLogic() {
    Collect c = collect(SMALL);
    Map<String, Long> checkoutStarted = new HashMap<>();
    Map<String, Long> shipped = new HashMap<>();
    Map<String, Long> delivered = new HashMap<>();
    for (DemoMessage m : c.messages) {
      String p = m.propertiesJson();
      if ("Checkout Started".equals(m.event())) {
        checkoutStarted.put(field(p, "checkout_id"), m.timestamp());
      } else if ("Order Shipped".equals(m.event())) {
        shipped.put(field(p, "order_id"), m.timestamp());
      } else if ("Order Delivered".equals(m.event())) {
        delivered.put(field(p, "order_id"), m.timestamp());
      }
    }
    Map<String, Long> orderedAt = new HashMap<>();
    for (DemoRow r : c.rows(DemoFile.ORDERS)) {
      long t = Instant.parse(r.get("ordered_at")).toEpochMilli();
      orderedAt.put(r.get("order_id"), t);
      if (!r.get("checkout_id").isEmpty()) {
        assertThat(checkoutStarted).containsKey(r.get("checkout_id"));
        assertThat(t).isGreaterThan(checkoutStarted.get(r.get("checkout_id")));
      } else {
        assertThat(r.get("channel")).isEqualTo("store");
      }
    }
    for (Map.Entry<String, Long> d : delivered.entrySet()) {
      assertThat(shipped.get(d.getKey())).isLessThan(d.getValue()).isGreaterThan(orderedAt.get(d.getKey()));
    }
    for (DemoRow r : c.rows(DemoFile.REVIEWS)) {
      long reviewed = Instant.parse(r.get("created_at")).toEpochMilli();
      assertThat(reviewed).isGreaterThan(orderedAt.get(r.get("order_id")));
      Long d = delivered.get(r.get("order_id"));
      if (d != null) {
        assertThat(reviewed).isGreaterThan(d);
      }
    }
    Map<String, Long> ticketAt = new HashMap<>();
    for (DemoRow r : c.rows(DemoFile.TICKETS)) {
      ticketAt.put(r.get("ticket_id"), Instant.parse(r.get("created_at")).toEpochMilli());
    }
    for (DemoRow r : c.rows(DemoFile.SURVEYS)) {
      if (!r.get("ticket_id").isEmpty()) {
        assertThat(Instant.parse(r.get("submitted_at")).toEpochMilli())
            .isGreaterThan(ticketAt.get(r.get("ticket_id")));
      }
    }
  }

  @Test
  void generate_devicesAreStitchedOnceAndNeverForgotten() {
    Collect c = collect(SMALL);
    Map<String, String> ownerOfDevice = new HashMap<>();
    Set<String> identifiedDevices = new HashSet<>();
    int anonymousThenIdentified = 0;
    Set<String> anonymousSeen = new HashSet<>();
    for (DemoMessage m : c.messages) {
      String device = m.anonymousId();
      if (device == null) {
        assertThat(m.userId()).isNotNull();
        continue;
      }
      if (m.userId() == null) {
        assertThat(identifiedDevices).as("device %s went back to anonymous", device).doesNotContain(device);
        anonymousSeen.add(device);
      } else {
        String owner = ownerOfDevice.putIfAbsent(device, m.userId());
        assertThat(owner == null || owner.equals(m.userId())).as("device shared by two users").isTrue();
        if (identifiedDevices.add(device) && anonymousSeen.contains(device)) {
          anonymousThenIdentified++;
          assertThat(m.type()).as("first identified message of a known-anonymous device").isEqualTo("identify");
        }
      }
    }
    assertThat(anonymousThenIdentified).isGreaterThan(20);
    assertThat(anonymousSeen.size()).isGreaterThan(identifiedDevices.size() / 4);
  }

  @Test
  void generate_coversEveryChannelAndTouchpoint() {
    Collect c = collect(SMALL);
    Set<String> channels = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (DemoMessage m : c.messages) {
      channels.add(m.channel());
      names.add(m.type().equals("track") ? m.event() : m.type());
    }
    c.rows(DemoFile.TICKETS).forEach(r -> channels.add(r.get("channel")));
    c.rows(DemoFile.ORDERS).forEach(r -> channels.add(r.get("channel")));
    assertThat(channels).contains("ads", "social", "search", "email", "web", "app", "store",
        "delivery", "payment", "call_center", "chat");
    assertThat(names).contains("page", "screen", "identify", "Element Clicked", "Product Viewed",
        "Product Added", "Checkout Started", "Checkout Error", "Experiment Viewed",
        "Application Installed", "Application Crashed", "Application Uninstalled",
        "Store Visit", "Order Delivered", "Order Returned", "Order Refunded", "Email Opened",
        "Email Link Clicked", "Feedback Submitted", "Referral Sent", "Signed Up");
    assertThat(c.rows(DemoFile.SURVEYS).stream().map(r -> r.get("survey")).distinct())
        .containsExactlyInAnyOrder("nps", "csat", "ces");
    assertThat(c.rows(DemoFile.TICKETS).stream().map(r -> r.get("lang")).distinct())
        .containsExactlyInAnyOrder("ko", "en");
    assertThat(c.rows(DemoFile.ORDERS).stream().map(r -> r.get("status")).distinct())
        .contains("completed", "returned");
  }

  @Test
  void generate_clicksCarryCoordinatesInsideTheViewport() {
    Collect c = collect(SMALL.withCustomers(80));
    long clicks = c.messages.stream().filter(m -> "Element Clicked".equals(m.event())).peek(m -> {
      int x = Integer.parseInt(field(m.propertiesJson(), "x"));
      int y = Integer.parseInt(field(m.propertiesJson(), "y"));
      int w = Integer.parseInt(field(m.propertiesJson(), "viewport_width"));
      assertThat(x).isBetween(0, w);
      assertThat(y).isNotNegative();
    }).count();
    assertThat(clicks).isGreaterThan(100);
  }

  @Test
  void generate_doesNotAccumulateMemory() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] usedAt = new long[2];
    int[] customers = {0};
    DemoStats stats = new DemoGenerator(SMALL.withCustomers(7_000)).generate(new DemoSink() {
      @Override
      public void message(DemoMessage m) {}

      @Override
      public void row(DemoRow r) {}

      @Override
      public void endCustomer() {
        customers[0]++;
        if (customers[0] == 1_000 || customers[0] == 7_000) {
          System.gc();
          usedAt[customers[0] == 1_000 ? 0 : 1] = memory.getHeapMemoryUsage().getUsed();
        }
      }
    });
    assertThat(stats.messages()).isGreaterThan(700_000);
    // 6,000 more customers' messages would hold hundreds of megabytes if anything were kept.
    assertThat(usedAt[1] - usedAt[0]).isLessThan(24L << 20);
  }

  /** The text value of a flat JSON property, good enough for the generator's own output. */
  static String field(String json, String key) {
    String k = "\"" + key + "\":";
    int at = json.indexOf(k);
    assertThat(at).as("%s in %s", key, json).isNotNegative();
    int from = at + k.length();
    if (json.charAt(from) == '"') {
      return json.substring(from + 1, json.indexOf('"', from + 1));
    }
    int to = from;
    while (to < json.length() && json.charAt(to) != ',' && json.charAt(to) != '}') {
      to++;
    }
    return json.substring(from, to);
  }
}
