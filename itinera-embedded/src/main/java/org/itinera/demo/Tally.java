package org.itinera.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counters behind {@link DemoStats}; O(1) memory in the number of customers. */
final class Tally {
  private final Clock clock;
  private long customers;
  private long messages;
  private final Map<String, Long> rows = new HashMap<>();
  private final Map<String, long[]> tracks = new HashMap<>();
  private final Map<String, long[]> pages = new HashMap<>();
  private final Map<String, long[]> screens = new HashMap<>();
  private long identifies;
  private final Map<String, long[]> channels = new HashMap<>();
  private final Map<String, Long> personas = new HashMap<>();
  private final long[] painOccurrences = new long[PainPoint.values().length];
  private final long[] painCustomers = new long[PainPoint.values().length];
  private long signedUp;
  private long existing;
  private long anonymousOnly;
  private long anonymousBeforeSignUp;
  private long multiDevice;
  private long churned;
  private long checkouts;
  private long checkoutErrors;
  private long completedWithError;
  private long completedWithoutError;
  private final long[] armCheckouts = new long[2];
  private final long[] armCompleted = new long[2];
  private long appBefore;
  private long crashBefore;
  private long appAfter;
  private long crashAfter;
  private long delivered;
  private long late;
  private long firstOnTime;
  private long firstOnTimeRepeat;
  private long firstLate;
  private long firstLateRepeat;
  private long refunds;
  private long hassles;
  private long tickets;
  private long rude;
  private final Map<String, Long> ordersByMonth = new TreeMap<>();
  private final Map<String, Long> revenueByMonth = new TreeMap<>();

  Tally(Clock clock) {
    this.clock = clock;
  }

  void message(DemoMessage m) {
    messages++;
    switch (m.type()) {
      case "track" -> count(tracks, m.event());
      case "page" -> count(pages, m.name());
      case "screen" -> count(screens, m.name());
      default -> identifies++;
    }
    if (m.channel() != null) {
      count(channels, m.channel());
    }
  }

  /** Counts without boxing: this runs once per message. */
  private static void count(Map<String, long[]> counts, String key) {
    long[] c = counts.get(key);
    if (c == null) {
      counts.put(key, new long[] {1});
    } else {
      c[0]++;
    }
  }

  private static Map<String, Long> unboxed(Map<String, long[]> counts, String prefix, Map<String, Long> into) {
    counts.forEach((k, v) -> into.put(prefix + k, v[0]));
    return into;
  }

  void row(DemoRow row) {
    rows.merge(row.file().fileName(), 1L, Long::sum);
  }

  void painOccurrence(PainPoint p) {
    painOccurrences[p.ordinal()]++;
  }

  void checkout(boolean error, boolean completed, String variant) {
    checkouts++;
    if (error) {
      checkoutErrors++;
      completedWithError += completed ? 1 : 0;
    } else {
      completedWithoutError += completed ? 1 : 0;
    }
    if (variant != null) {
      int arm = Planted.TREATMENT.equals(variant) ? 1 : 0;
      armCheckouts[arm]++;
      armCompleted[arm] += completed ? 1 : 0;
    }
  }

  void appSession(boolean improved) {
    if (improved) {
      appAfter++;
    } else {
      appBefore++;
    }
  }

  void appCrash(boolean improved) {
    if (improved) {
      crashAfter++;
    } else {
      crashBefore++;
    }
  }

  void delivery(boolean isLate) {
    delivered++;
    late += isLate ? 1 : 0;
  }

  void refund(boolean hassle) {
    refunds++;
    hassles += hassle ? 1 : 0;
  }

  void ticket(boolean isRude) {
    tickets++;
    rude += isRude ? 1 : 0;
  }

  void order(long t, long revenue) {
    int[] ymd = Clock.civil(Math.floorDiv(t + 9 * Clock.HOUR, Clock.DAY));
    String month = String.format("%04d-%02d", ymd[0], ymd[1]);
    ordersByMonth.merge(month, 1L, Long::sum);
    revenueByMonth.merge(month, revenue, Long::sum);
  }

  /** Customer-level facts, once the journey is complete. */
  void customer(Journey j) {
    customers++;
    personas.merge(j.c.persona.id, 1L, Long::sum);
    for (PainPoint p : PainPoint.values()) {
      if ((j.painMask & (1 << p.ordinal())) != 0) {
        painCustomers[p.ordinal()]++;
      }
    }
    existing += j.c.existing ? 1 : 0;
    boolean known = j.signedUp && j.signupAt < clock.end;
    signedUp += known ? 1 : 0;
    if (!known && j.hasRecords()) {
      anonymousOnly++;
    }
    if (!j.c.existing && known && j.anonymousBeforeSignUp) {
      anonymousBeforeSignUp++;
    }
    int devices = 0;
    for (boolean u : j.used) {
      devices += u ? 1 : 0;
    }
    multiDevice += devices > 1 ? 1 : 0;
    churned += j.activeUntil < clock.end ? 1 : 0;
    if (j.firstDeliveredAt >= 0 && j.firstDeliveredAt < clock.end - 90 * Clock.DAY) {
      if (j.firstDeliveredLate) {
        firstLate++;
        firstLateRepeat += j.repeatAfterFirstDelivery ? 1 : 0;
      } else {
        firstOnTime++;
        firstOnTimeRepeat += j.repeatAfterFirstDelivery ? 1 : 0;
      }
    }
  }

  DemoStats stats() {
    Map<String, DemoStats.Pain> pains = new TreeMap<>();
    for (PainPoint p : PainPoint.values()) {
      pains.put(p.id, new DemoStats.Pain(painOccurrences[p.ordinal()], painCustomers[p.ordinal()]));
    }
    Map<String, Long> events = new TreeMap<>();
    unboxed(tracks, "", events);
    unboxed(pages, "page:", events);
    unboxed(screens, "screen:", events);
    if (identifies > 0) {
      events.put("identify", identifies);
    }
    return new DemoStats(customers, messages, rows, events, unboxed(channels, "", new TreeMap<>()), personas,
        new DemoStats.Identity(signedUp, existing, anonymousOnly, anonymousBeforeSignUp,
            multiDevice, churned),
        pains,
        new DemoStats.Checkout(checkouts, checkoutErrors, completedWithError, completedWithoutError),
        Map.of(Planted.CONTROL, new DemoStats.Arm(armCheckouts[0], armCompleted[0]),
            Planted.TREATMENT, new DemoStats.Arm(armCheckouts[1], armCompleted[1])),
        new DemoStats.AppCrashes(appBefore, crashBefore, appAfter, crashAfter),
        new DemoStats.Delivery(delivered, late, firstOnTime, firstOnTimeRepeat, firstLate,
            firstLateRepeat, refunds, hassles),
        new DemoStats.Support(tickets, rude),
        ordersByMonth, revenueByMonth);
  }
}
