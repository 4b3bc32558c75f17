package org.itinera.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.journey.ModelStages;
import org.itinera.ingest.Ingestor;
import org.itinera.journey.JourneyModel;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

/**
 * Macro benchmark of the dashboard's query API: starts the real server over a store (the demo
 * data set made by {@code itinera demo --no-serve --data DIR}, or, in an empty directory,
 * {@link SyntheticShop} loaded through the real ingestor) and times, page by page, the calls each
 * dashboard page makes, over HTTP on localhost (so the figure includes JSON and HTTP, an upper
 * bound of server time).
 *
 * <p>Each call is timed twice: computed (every call carries a parameter no handler reads but the
 * report cache keys on, so each call computes the report afresh) and repeated (the same request
 * again over unchanged data, answered from the report cache). The first analysis call builds the
 * sequence index (warm-up). Next to wall-clock times, it reports the process's CPU time per
 * computed call (server and client in one JVM, DuckDB's threads included): on a busy machine
 * wall-clock time is mostly waiting for a core, and CPU time bounds what the call costs on an idle
 * one. A page's figure is the sum of its calls, though the browser makes some of them at once. The
 * journal is the one of the customer with most events; "last 30 days" ends on the data's last day.
 *
 * <p>Run: {@code java -cp ... org.itinera.bench.QueryApiBench [customers] [dataDir]}; it prints
 * a Markdown table of median and p95 milliseconds over 20 calls after 5 warm-up calls.
 */
public final class QueryApiBench {
  /** Each page and the calls it makes, as the dashboard's scripts make them. */
  private static final Map<String, List<String>> PAGES = pages();

  private static Map<String, List<String>> pages() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("overview (all time)", List.of("/api/catalog", "/api/overview"));
    p.put("overview (last 30 days)", List.of("/api/overview?from={from30}&to={to}"));
    p.put("journey map", List.of("/api/journey-map"));
    p.put("journey map (segment)", List.of("/api/journey-map?segment={segment}"));
    p.put("funnels", List.of("/api/funnels?step=Product%20Viewed&step=Product%20Added"
        + "&step=Checkout%20Started&step=Order%20Completed&window=7d&dropSample=100"));
    p.put("funnels (by channel)", List.of("/api/funnels?step=Product%20Viewed"
        + "&step=Order%20Completed&window=30d&by=channel&dropSample=100"));
    p.put("paths", List.of("/api/paths?direction=after&depth=4&top=10"));
    p.put("retention", List.of("/api/retention?period=month&periods=8"));
    p.put("retention (weekly, 30 days)",
        List.of("/api/retention?from={from30}&to={to}&period=week&periods=8"));
    p.put("click heatmap", List.of("/api/heatmap/pages", "/api/heatmap?page={page}&device=auto"
        + "&cell=20"));
    p.put("voice", List.of("/api/voice?limit=20"));
    p.put("voice (stage, negative)",
        List.of("/api/voice?stage=retention&sentiment=negative&sort=negative&limit=20"));
    p.put("customers", List.of("/api/customers?limit=25"));
    p.put("customers (search)", List.of("/api/customers?q=kim&limit=25"));
    p.put("journal", List.of("/api/customers/{customer}/journal?lang=ko",
        "/api/customers/{customer}"));
    return p;
  }

  private QueryApiBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("itinera-bench");
    JourneyModel model = JourneyModel.defaultModel();
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      long events = count(store);
      if (events == 0) {
        long t0 = System.nanoTime();
        new SyntheticShop(7).generate(customers, 20_000, ingestor::ingest);
        events = count(store);
        System.out.printf("loaded %,d events of %,d customers in %.1f s%n", events, customers,
            (System.nanoTime() - t0) / 1e9);
      }
      Map<String, String> vars = vars(store);
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
          new AdminRoutes(store, new ModelStages(model)), new QueryRoutes(store, model),
          new AnalysisRoutes(store, model));
      try {
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("%n%,d events, %s, load average %.1f on %d cores%n%n| page | call"
            + " | computed median ms | computed p95 ms | computed CPU ms | repeated median ms |%n"
            + "|---|---|---:|---:|---:|---:|%n", events, vars,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors());
        for (Map.Entry<String, List<String>> page : PAGES.entrySet()) {
          double[] sum = new double[4];
          for (String call : page.getValue()) {
            String endpoint = call;
            for (Map.Entry<String, String> v : vars.entrySet()) {
              endpoint = endpoint.replace("{" + v.getKey() + "}", v.getValue());
            }
            double[] cold = time(http, server, endpoint, true);
            double[] warm = time(http, server, endpoint, false);
            int n = cold.length - 1; // the last value is the mean CPU time
            double[] row = {cold[n / 2], cold[(int) Math.ceil(n * 0.95) - 1], cold[n],
                warm[n / 2]};
            System.out.printf("| %s | `%s` | %.1f | %.1f | %.1f | %.1f |%n", page.getKey(),
                endpoint, row[0], row[1], row[2], row[3]);
            for (int i = 0; i < 4; i++) {
              sum[i] += row[i];
            }
          }
          if (page.getValue().size() > 1) {
            System.out.printf("| **%s** | all calls | **%.1f** | **%.1f** | **%.1f** | **%.1f**"
                + " |%n", page.getKey(), sum[0], sum[1], sum[2], sum[3]);
          }
        }
      } finally {
        server.close();
      }
    }
  }

  /** Values for the calls: the busiest customer, the most clicked page, the last 30 days. */
  private static Map<String, String> vars(Store store) throws java.sql.SQLException {
    Map<String, String> v = new LinkedHashMap<>();
    try (var c = store.newConnection(); var st = c.createStatement()) {
      try (var rs = st.executeQuery("SELECT customer_id FROM events WHERE customer_id IS NOT"
          + " NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")) {
        rs.next();
        v.put("customer", URLEncoder.encode(rs.getString(1), StandardCharsets.UTF_8));
      }
      try (var rs = st.executeQuery("SELECT CAST(max(ts) AS DATE),"
          + " CAST(max(ts) AS DATE) - INTERVAL 29 DAY FROM events")) {
        rs.next();
        v.put("to", rs.getString(1));
        v.put("from30", rs.getString(2).substring(0, 10));
      }
      try (var rs = st.executeQuery("SELECT coalesce(json_extract_string(properties, '$.page'),"
          + " json_extract_string(properties, '$.path')) AS p FROM events"
          + " WHERE json_extract_string(properties, '$.x') IS NOT NULL AND p IS NOT NULL"
          + " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")) {
        v.put("page", rs.next() ? URLEncoder.encode(rs.getString(1), StandardCharsets.UTF_8)
            : "Product");
      }
      try (var rs = st.executeQuery("SELECT k, json_extract_string(traits, '$.' || k) AS val"
          + " FROM (SELECT traits, unnest(json_keys(traits)) AS k FROM profiles)"
          + " WHERE k NOT IN ('email', 'phone', 'name') AND val IS NOT NULL"
          + " GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT 1")) {
        v.put("segment", rs.next() ? URLEncoder.encode(rs.getString(1) + ":" + rs.getString(2),
            StandardCharsets.UTF_8) : "plan:gold");
      }
    }
    return v;
  }

  private static double[] time(HttpClient http, ItineraServer server, String endpoint,
      boolean computed) throws IOException, InterruptedException {
    int calls = 20;
    double[] ms = new double[calls + 1];
    long cpu0 = 0;
    for (int i = -5; i < calls; i++) {
      if (i == 0) {
        cpu0 = processCpuNanos();
      }
      String url = server.url() + endpoint + (computed
          ? (endpoint.contains("?") ? "&" : "?") + "bench_call=" + i : "");
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + server.token().value()).build();
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(endpoint + " answered " + r.statusCode() + ": "
            + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      if (i >= 0) {
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    double cpuMs = (processCpuNanos() - cpu0) / 1e6 / calls;
    Arrays.sort(ms, 0, calls);
    ms[calls] = cpuMs;
    return ms;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long count(Store store) throws java.sql.SQLException {
    try (var c = store.newConnection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
