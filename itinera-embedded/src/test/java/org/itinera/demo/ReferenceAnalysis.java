package org.itinera.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A naive, independent analysis of the generated data, written the way an analyst would:
 * it reads only what a sink receives (messages, rows, truth rows), never the generator's
 * internals or counters, and recomputes each planted truth. Streams customer by customer, so
 * only one customer's records are held at a time.
 */
final class ReferenceAnalysis implements DemoSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);

  private final long improvementAt;
  private final long windowEnd;

  // Per-customer buffers, cleared at endCustomer.
  private final List<DemoMessage> messages = new ArrayList<>();
  private final List<DemoRow> rows = new ArrayList<>();
  private String persona;

  // Checkout and experiment.
  long checkouts;
  long checkoutsWithError;
  long completedWithError;
  long completedWithoutError;
  final Map<String, long[]> arms = new HashMap<>();
  // App crashes.
  long appSessionsBefore;
  long crashesBefore;
  long appSessionsAfter;
  long crashesAfter;
  // Deliveries.
  long delivered;
  long late;
  long deliveredPeak;
  long latePeak;
  long firstOnTime;
  long firstOnTimeRepeat;
  long firstLate;
  long firstLateRepeat;
  // Orders by Seoul month, weekday and hour.
  final Map<Integer, Long> ordersByMonth = new HashMap<>();
  final long[] ordersByWeekday = new long[7];
  final long[] ordersByHour = new long[24];
  final long[] productViewsByWeekday = new long[7];
  // Personas.
  final Map<String, Long> customersByPersona = new HashMap<>();
  final Map<String, long[]> personaSignals = new HashMap<>();
  // Support.
  final Map<String, long[]> csatByAgentGroup = new HashMap<>();
  long refunds;
  long slowRefunds;
  final Map<String, Long> returnReasons = new HashMap<>();

  ReferenceAnalysis(Truth truth) {
    this.improvementAt = Instant.parse(truth.improvement().shippedAt()).toEpochMilli();
    this.windowEnd = java.time.LocalDate.parse(truth.window().end()).atStartOfDay()
        .toInstant(SEOUL).toEpochMilli();
  }

  @Override
  public void message(DemoMessage m) {
    messages.add(m);
  }

  @Override
  public void row(DemoRow row) {
    rows.add(row);
  }

  @Override
  public void truthRow(DemoRow row) {
    if (row.file() == DemoFile.TRUTH_CUSTOMERS) {
      persona = row.get("persona");
    }
  }

  @Override
  public void endCustomer() {
    analyseCustomer();
    messages.clear();
    rows.clear();
    persona = null;
  }

  private void analyseCustomer() {
    Map<String, Long> orderTimeByCheckout = new HashMap<>();
    List<long[]> orders = new ArrayList<>();
    Map<String, Long> orderTimeById = new HashMap<>();
    Map<String, String> ticketAgent = new HashMap<>();
    for (DemoRow r : rows) {
      switch (r.file()) {
        case ORDERS -> {
          long t = Instant.parse(r.get("ordered_at")).toEpochMilli();
          orders.add(new long[] {t, r.get("channel").equals("store") ? 0 : 1});
          orderTimeById.put(r.get("order_id"), t);
          if (!r.get("checkout_id").isEmpty()) {
            orderTimeByCheckout.put(r.get("checkout_id"), t);
          }
          ZonedDateTime z = Instant.ofEpochMilli(t).atZone(SEOUL);
          ordersByMonth.merge(z.getMonthValue(), 1L, Long::sum);
          ordersByWeekday[z.getDayOfWeek().getValue() - 1]++;
          ordersByHour[z.getHour()]++;
        }
        case TICKETS -> ticketAgent.put(r.get("ticket_id"), r.get("agent_id"));
        default -> { }
      }
    }
    for (DemoRow r : rows) {
      if (r.file() == DemoFile.SURVEYS && r.get("survey").equals("csat")) {
        String agent = ticketAgent.get(r.get("ticket_id"));
        String group = agent == null ? "unknown" : Planted.isRudeAgent(agent) ? "rude_agents" : "others";
        long[] c = csatByAgentGroup.computeIfAbsent(group, k -> new long[2]);
        c[0]++;
        c[1] += Integer.parseInt(r.get("score")) <= 2 ? 1 : 0;
      }
    }
    Set<String> errored = new HashSet<>();
    Map<String, String> variantByCheckout = new HashMap<>();
    List<String> started = new ArrayList<>();
    long firstShippedOrder = Long.MAX_VALUE;
    long firstDelivery = Long.MAX_VALUE;
    boolean firstShippedLate = false;
    long[] signals = personaSignals.computeIfAbsent(persona, k -> new long[6]);
    for (DemoMessage m : messages) {
      String e = m.event();
      if (m.type().equals("screen") || "app".equals(m.channel())) {
        signals[1]++;
      }
      if (m.type().equals("page") && "Reviews".equals(m.name())) {
        signals[2]++;
      }
      signals[0]++;
      if (e == null) {
        continue;
      }
      switch (e) {
        case "Checkout Started" -> {
          JsonNode p = props(m);
          started.add(p.get("checkout_id").asText());
          if (p.has("checkout_variant")) {
            variantByCheckout.put(p.get("checkout_id").asText(), p.get("checkout_variant").asText());
          }
        }
        case "Checkout Error" -> errored.add(props(m).get("checkout_id").asText());
        case "Application Opened" -> {
          if (m.timestamp() < improvementAt) {
            appSessionsBefore++;
          } else {
            appSessionsAfter++;
          }
        }
        case "Application Crashed" -> {
          if (m.timestamp() < improvementAt) {
            crashesBefore++;
          } else {
            crashesAfter++;
          }
        }
        case "Order Delivered" -> {
          JsonNode p = props(m);
          boolean isLate = p.get("days_late").asInt() > 0;
          Long orderedAt = orderTimeById.get(p.get("order_id").asText());
          if (orderedAt == null) {
            throw new AssertionError("Order Delivered for an order missing from orders.csv: " + p);
          }
          int month = Instant.ofEpochMilli(orderedAt).atZone(SEOUL).getMonthValue();
          delivered++;
          late += isLate ? 1 : 0;
          if (month >= 11) {
            deliveredPeak++;
            latePeak += isLate ? 1 : 0;
          }
          if (orderedAt < firstShippedOrder) {
            firstShippedOrder = orderedAt;
            firstDelivery = m.timestamp();
            firstShippedLate = isLate;
          }
        }
        case "Product Viewed" -> productViewsByWeekday[
            Instant.ofEpochMilli(m.timestamp()).atZone(SEOUL).getDayOfWeek().getValue() - 1]++;
        case "Ad Clicked" -> signals[3]++;
        case "Order Refunded" -> {
          refunds++;
          slowRefunds += props(m).get("days_to_refund").asInt() >= 9 ? 1 : 0;
        }
        case "Order Returned" -> returnReasons.merge(props(m).get("reason").asText(), 1L, Long::sum);
        default -> { }
      }
    }
    signals[4] += rows.stream().filter(r -> r.file() == DemoFile.TICKETS).count();
    signals[5] += orders.size();
    customersByPersona.merge(persona, 1L, Long::sum);
    for (String id : started) {
      boolean done = orderTimeByCheckout.containsKey(id);
      checkouts++;
      if (errored.contains(id)) {
        checkoutsWithError++;
        completedWithError += done ? 1 : 0;
      } else {
        completedWithoutError += done ? 1 : 0;
      }
      String variant = variantByCheckout.get(id);
      if (variant != null) {
        long[] arm = arms.computeIfAbsent(variant, k -> new long[2]);
        arm[0]++;
        arm[1] += done ? 1 : 0;
      }
    }
    if (firstDelivery < windowEnd - 90L * 86_400_000L) {
      long from = firstDelivery;
      boolean repeat = orders.stream().anyMatch(o -> o[0] > from && o[0] - from <= 90L * 86_400_000L);
      if (firstShippedLate) {
        firstLate++;
        firstLateRepeat += repeat ? 1 : 0;
      } else {
        firstOnTime++;
        firstOnTimeRepeat += repeat ? 1 : 0;
      }
    }
  }

  private static JsonNode props(DemoMessage m) {
    try {
      return JSON.readTree(m.propertiesJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signals per customer of a persona: 0 events, 1 app events, 2 review pages, 3 ad clicks, 4 tickets, 5 orders. */
  double perCustomer(String persona, int signal) {
    return (double) personaSignals.get(persona)[signal] / customersByPersona.get(persona);
  }
}
