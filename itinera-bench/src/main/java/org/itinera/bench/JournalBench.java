package org.itinera.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.itinera.admin.AdminRoutes;
import org.itinera.journey.ModelStages;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.journal.Journal;
import org.itinera.journal.Lang;
import org.itinera.journal.StageOf;
import org.itinera.journal.StoredJournals;
import org.itinera.journey.JourneyModel;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

/**
 * Macro benchmark of one customer's journal: a real store holding {@link SyntheticShop}'s
 * customers and one heavy customer with {@code events} events over two years on six ids (five
 * devices stitched to one user id by identify calls, through the real ingestor), with orders,
 * tickets and their resolutions, reviews, NPS answers and texts. Times, over 30 calls after 20
 * warm-up calls: the journal read from the store and built (timeline, profile card, story), its
 * JSON, and {@code GET /api/customers/{id}/journal} over HTTP on localhost. Usage:
 *
 * <pre>
 * java -cp itinera-bench/target/classes:$(cat cp.txt) org.itinera.bench.JournalBench \
 *     [events=10000] [otherCustomers=20000] [dataDir]
 * </pre>
 */
public final class JournalBench {
  private static final long DAY = 86_400_000L;
  private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final String USER = "vip";
  private static final ObjectMapper JSON = new ObjectMapper();

  private JournalBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int others = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("itinera-journal");
    StageOf stages = new ModelStages(JourneyModel.defaultModel());
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      if (isEmpty(store)) {
        long t0 = System.nanoTime();
        new SyntheticShop(7).generate(others, 20_000, ingestor::ingest);
        List<Event> heavy = heavyCustomer(events);
        for (int i = 0; i < heavy.size(); i += 5_000) {
          ingestor.ingest(heavy.subList(i, Math.min(heavy.size(), i + 5_000)));
        }
        System.out.printf("loaded %,d customers plus one of %,d events in %.1f s%n", others,
            heavy.size(), (System.nanoTime() - t0) / 1e9);
      }

      StoredJournals journals = new StoredJournals(store.connection(), stages);
      Journal j = journals.journal("dev-3", Lang.EN);
      System.out.printf("journal of %s: %,d events, %d episodes, %d story sentences, %,d bytes"
          + " of JSON%n%n", j.profile().customerId(), j.eventCount(), j.timeline().size(),
          j.story().size(), JSON.writeValueAsBytes(j).length);
      System.out.println("| step | median ms | p95 ms | max ms | process CPU ms per call |");
      System.out.println("|---|---:|---:|---:|---:|");
      for (Lang lang : Lang.values()) {
        report("journal built from the store (" + lang + ")",
            time(() -> journals.journal(USER, lang)));
        Journal built = journals.journal(USER, lang);
        report("journal to JSON (" + lang + ")", time(() -> JSON.writeValueAsBytes(built)));
        report("built + JSON (" + lang + ")",
            time(() -> JSON.writeValueAsBytes(journals.journal(USER, lang))));
      }
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
          new AdminRoutes(store, stages));
      try {
        HttpClient http = HttpClient.newHttpClient();
        for (String lang : List.of("en", "ko")) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(server.url()
                  + "/api/customers/" + USER + "/journal?lang=" + lang))
              .header("Authorization", "Bearer " + server.token().value()).build();
          report("GET /api/customers/{id}/journal?lang=" + lang, time(() -> {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              throw new IllegalStateException("journal answered " + r.statusCode());
            }
            return r.body();
          }));
        }
      } finally {
        server.close();
      }
    }
  }

  /** The heavy customer's events, in no particular order, about {@code n} of them. */
  static List<Event> heavyCustomer(int n) {
    SplittableRandom random = new SplittableRandom(11);
    List<Event> out = new ArrayList<>(n + 16);
    String[] devices = {"dev-1", "dev-2", "dev-3", "dev-4", "dev-5"};
    String[] channels = {"web", "app", "web", "app", "web"};
    long step = 2 * 365 * DAY / n;
    for (int d = 0; d < devices.length; d++) {
      out.add(ev(out.size(), devices[d], USER, START + d * DAY, "identify", "Identify",
          channels[d], d == 0 ? "{\"name\":\"Kim VIP\",\"email\":\"vip@example.com\"}" : null,
          null, null, null, null, null));
    }
    String[] browse = {"Page Viewed", "Product Viewed", "Product Added", "Checkout Started"};
    int ticket = 0;
    for (long ts = START + 6 * DAY; out.size() < n; ts += step) {
      int d = random.nextInt(devices.length);
      int roll = random.nextInt(100);
      if (roll < 80) {
        out.add(ev(out.size(), devices[d], null, ts, "track", browse[random.nextInt(4)],
            channels[d], null, null, null, null, null, null));
      } else if (roll < 88) {
        out.add(ev(out.size(), null, USER, ts, "track", "Order Completed", channels[d],
            "{\"order_id\":\"o" + out.size() + "\"}", null, null, null, null,
            10_000.0 + 1_000 * random.nextInt(200)));
      } else if (roll < 93) {
        String id = "T-" + (++ticket);
        double s = -0.3 - 0.6 * random.nextDouble();
        out.add(ev(out.size(), null, USER, ts, "ticket", "Ticket Opened", "call_center",
            "{\"ticket_id\":\"" + id + "\"}", "배송이 " + ticket + "일째 안 와요. 너무 답답합니다.",
            s, "frustration", "delivery", null));
        if (random.nextInt(4) > 0) {
          out.add(ev(out.size(), null, USER, ts + (1 + random.nextInt(48)) * 3_600_000L,
              "ticket", "Ticket Resolved", "call_center", "{\"ticket_id\":\"" + id + "\"}",
              null, null, null, null, null));
        }
      } else if (roll < 97) {
        double s = random.nextDouble() * 2 - 1;
        out.add(ev(out.size(), null, USER, ts, "review", "Review Submitted", "review", null,
            "Review number " + out.size() + (s < 0 ? ": the size was wrong again." : ": love it."),
            s, s < 0 ? "disappointment" : "joy", s < 0 ? "size" : "quality",
            1.0 + random.nextInt(5)));
      } else {
        Event e = ev(out.size(), null, USER, ts, "survey_response", "NPS Answered", "survey",
            "{\"survey\":\"nps\"}", null, null, null, null, null);
        out.add(withRating(e, random.nextInt(11)));
      }
    }
    return out;
  }

  private static Event ev(int n, String anon, String user, long ts, String type, String name,
      String channel, String propsOrTraits, String text, Double sentiment, String emotion,
      String topic, Double revenueOrRating) {
    boolean identify = "identify".equals(type);
    boolean review = "review".equals(type);
    Double revenue = review ? null : revenueOrRating;
    Double rating = review ? revenueOrRating : null;
    return new Event("vip-" + n, null, anon, user, ts, ts, type, name, channel, "bench",
        identify ? null : propsOrTraits, null, identify ? propsOrTraits : null, text,
        text == null ? null : (review ? "en" : "ko"), sentiment, emotion,
        topic == null ? List.of() : List.of(topic), rating, revenue,
        revenue == null ? null : "KRW");
  }

  private static Event withRating(Event e, double rating) {
    return new Event(e.eventId(), null, e.anonymousId(), e.userId(), e.ts(), e.receivedAt(),
        e.type(), e.name(), e.channel(), e.sourceId(), e.propertiesJson(), null, null, null,
        null, null, null, List.of(), rating, null, null);
  }

  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }

  /**
   * Wall milliseconds of 30 calls after 20 warm-up calls, sorted, then (last element) the
   * process's CPU milliseconds per call, every thread included (DuckDB's, the server's), which a
   * busy shared machine inflates far less than wall time.
   */
  private static double[] time(Call call) throws Exception {
    int calls = 30;
    double[] ms = new double[calls + 1];
    long cpu0 = 0;
    for (int i = -20; i < calls; i++) {
      if (i == 0) {
        cpu0 = processCpuNanos();
      }
      long t0 = System.nanoTime();
      if (call.run() == null) {
        throw new IllegalStateException("no result");
      }
      if (i >= 0) {
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    ms[calls] = (processCpuNanos() - cpu0) / 1e6 / calls;
    Arrays.sort(ms, 0, calls);
    return ms;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void report(String step, double[] ms) {
    int n = ms.length - 1;
    System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", step, ms[n / 2],
        ms[(int) Math.ceil(n * 0.95) - 1], ms[n - 1], ms[n]);
  }

  private static boolean isEmpty(Store store) throws java.sql.SQLException {
    try (var c = store.newConnection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }
}
