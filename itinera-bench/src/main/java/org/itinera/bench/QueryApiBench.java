package org.itinera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.ingest.Ingestor;
import org.itinera.journal.StageOf;
import org.itinera.journey.JourneyModel;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

/**
 * Macro benchmark of the dashboard's query API: loads {@link SyntheticShop} through the real
 * ingestor, starts the real server, and times each endpoint the dashboard calls over HTTP on
 * localhost (so the figure includes JSON and HTTP, an upper bound of server time).
 *
 * <p>Each endpoint is timed twice: computed (every call carries a parameter no handler reads but
 * the report cache keys on, so each call computes the report afresh) and repeated (the same
 * request again over unchanged data, answered from the cache; the sequence analyses have no
 * cache, their index is the fast path). The first analysis call builds the index (warm-up).
 *
 * <p>Run: {@code java -cp ... org.itinera.bench.QueryApiBench [customers] [dataDir]}; it prints
 * a Markdown table of median and p95 milliseconds over 20 calls after 5 warm-up calls.
 */
public final class QueryApiBench {
  private static final List<String> ENDPOINTS = List.of(
      "/api/catalog",
      "/api/overview",
      "/api/overview?from=2026-12-01&to=2026-12-31",
      "/api/customers",
      "/api/customers?q=c1234",
      "/api/customers?q=plan:gold",
      "/api/voice",
      "/api/voice?topic=delivery&sentiment=negative&sort=negative",
      "/api/heatmap/pages",
      "/api/heatmap?page=Product",
      "/api/customers/u42/journal?lang=ko",
      "/api/funnels?step=Product%20Viewed&step=Product%20Added&step=Checkout%20Started"
          + "&step=Order%20Completed&window=7d",
      "/api/paths?depth=4",
      "/api/journey-map",
      "/api/retention?period=week&periods=8");

  private QueryApiBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("itinera-bench");
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      long events = count(store);
      if (events == 0) {
        long t0 = System.nanoTime();
        new SyntheticShop(7).generate(customers, 20_000, ingestor::ingest);
        events = count(store);
        System.out.printf("loaded %,d events of %,d customers in %.1f s%n", events, customers,
            (System.nanoTime() - t0) / 1e9);
      }
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
          new AdminRoutes(store, StageOf.NONE), new QueryRoutes(store),
          new AnalysisRoutes(store, JourneyModel.defaultModel()));
      try {
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("%n%,d events%n%n| endpoint | computed median ms | computed p95 ms"
            + " | repeated median ms |%n|---|---:|---:|---:|%n", events);
        for (String endpoint : ENDPOINTS) {
          double[] cold = time(http, server, endpoint, true);
          double[] warm = time(http, server, endpoint, false);
          System.out.printf("| `%s` | %.1f | %.1f | %.1f |%n", endpoint, cold[cold.length / 2],
              cold[(int) Math.ceil(cold.length * 0.95) - 1], warm[warm.length / 2]);
        }
      } finally {
        server.close();
      }
    }
  }

  private static double[] time(HttpClient http, ItineraServer server, String endpoint,
      boolean computed) throws IOException, InterruptedException {
    double[] ms = new double[20];
    for (int i = -5; i < ms.length; i++) {
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
    Arrays.sort(ms);
    return ms;
  }

  private static long count(Store store) throws java.sql.SQLException {
    try (var c = store.newConnection(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
