package org.itinera.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.itinera.ingest.Ingestor;
import org.itinera.server.ItineraServer;
import org.itinera.source.Sources;
import org.itinera.store.Store;

/**
 * Macro benchmark of HTTP ingestion: the real server over a DuckDB file in a temp directory, N
 * concurrent clients on loopback posting {@code /v1/batch} bodies of 100 events each, every 200
 * meaning the events are committed. Reports sustained events/s and batch latency percentiles.
 *
 * <p>Bodies are generated before the clock starts, so the figure is the server's (the clients
 * still share the machine's cores, as real senders on the same host would). A warm-up phase of
 * its own batches runs first and is not counted.
 *
 * <pre>
 * java -cp ... org.itinera.bench.HttpIngestBenchmark [--clients 8] [--batches 2000]
 *     [--batch-size 100] [--warmup 200] [--customers 20000]
 * </pre>
 */
public final class HttpIngestBenchmark {
  private HttpIngestBenchmark() {}

  record Options(int clients, int batches, int batchSize, int warmup, int customers) {
    static Options parse(String[] args) {
      int clients = 8;
      int batches = 2000;
      int batchSize = 100;
      int warmup = 200;
      int customers = 20_000;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--clients" -> clients = positive(args[i], value);
          case "--batches" -> batches = positive(args[i], value);
          case "--batch-size" -> batchSize = positive(args[i], value);
          case "--warmup" -> warmup = positive(args[i], value);
          case "--customers" -> customers = positive(args[i], value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; known: --clients --batches --batch-size --warmup --customers");
        }
        i++;
      }
      return new Options(clients, batches, batchSize, warmup, customers);
    }

    private static int positive(String option, String value) {
      try {
        int v = Integer.parseInt(value);
        if (v > 0) {
          return v;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException(option + " needs a positive integer, got " + value);
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path dir = Files.createTempDirectory("itinera-http-bench");
    try {
      run(o, dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Options o, Path dir) throws Exception {
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      String key = new Sources(store).create("bench", "web").writeKey();
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0);
      try {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/batch");
        String auth = "Basic " + Base64.getEncoder()
            .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        Bodies bodies = new Bodies(o.batchSize(), o.customers());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf(Locale.ROOT, "warm-up: %d batches of %d events%n", o.warmup(),
            o.batchSize());
        phase(client, uri, auth, bodies.make(0, o.warmup()), o.clients());
        List<byte[]> timed = bodies.make(o.warmup(), o.batches());
        long bytes = timed.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "timed: %d clients x %d batches of %d events"
            + " (%.1f KB per batch)%n", o.clients(), o.batches(), o.batchSize(),
            bytes / 1024.0 / o.batches());
        OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> threads0 = cpuByThreadGroup();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long[] latencies = phase(client, uri, auth, timed, o.clients());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        Map<String, Long> threads1 = cpuByThreadGroup();
        long events = (long) o.batches() * o.batchSize();
        long stored = count(store, "SELECT count(*) FROM events");
        long expected = (long) (o.warmup() + o.batches()) * o.batchSize();
        if (stored != expected) {
          throw new IllegalStateException("stored " + stored + " events, expected " + expected);
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "events/s: %,.0f  (%,d events in %.2f s)%n",
            events / seconds, events, seconds);
        System.out.printf(Locale.ROOT, "batch latency ms: p50 %.1f  p99 %.1f  max %.1f%n",
            pct(latencies, 0.50), pct(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "process CPU: %.2f s = %.1f us per event, clients"
            + " included (%d cores; load average at the end %.1f)%n", cpuSeconds,
            cpuSeconds * 1e6 / events, os.getAvailableProcessors(), os.getSystemLoadAverage());
        StringBuilder groups = new StringBuilder();
        long attributed = 0;
        for (Map.Entry<String, Long> g : threads1.entrySet()) {
          long ns = g.getValue() - threads0.getOrDefault(g.getKey(), 0L);
          attributed += ns;
          groups.append(String.format(Locale.ROOT, " %s %.1f,", g.getKey(), ns / 1e3 / events));
        }
        System.out.printf(Locale.ROOT, "CPU us per event by thread:%s unattributed %.1f%n",
            groups, (cpuSeconds * 1e9 - attributed) / 1e3 / events);
        System.out.printf(Locale.ROOT, "stored: %,d events, %,d customers%n", stored,
            count(store, "SELECT count(DISTINCT customer_id) FROM events"));
      } finally {
        server.close();
      }
    }
  }

  /** Posts every body once, spread over the clients; returns each batch's latency in ns. */
  private static long[] phase(HttpClient client, URI uri, String auth, List<byte[]> bodies,
      int clients) throws Exception {
    long[] latencies = new long[bodies.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                .build();
            long t0 = System.nanoTime();
            HttpResponse<String> response =
                client.send(request, HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
              throw new IllegalStateException("batch " + i + " got " + response.statusCode()
                  + ": " + response.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return latencies;
  }

  /**
   * CPU time in ns of this process's threads by role, read from /proc (Linux) so that the JIT,
   * the GC and DuckDB's own native threads (named "java") are counted too; empty elsewhere.
   * Threads that ended during the phase are missing, which is why "unattributed" is printed.
   */
  private static Map<String, Long> cpuByThreadGroup() {
    Map<String, Long> out = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) list::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String stat = Files.readString(task.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
          out.merge(role(name), ticks * 10_000_000L, Long::sum); // USER_HZ is 100
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  private static String role(String thread) {
    if (thread.startsWith("JettyServerThre") || thread.startsWith("qtp")) {
      return "jetty";
    } else if (thread.startsWith("HttpClient") || thread.startsWith("pool-")) {
      return "http-client";
    } else if (thread.startsWith("itinera-writer")) {
      return "writer";
    } else if (thread.contains("CompilerThre")) {
      return "jit";
    } else if (thread.contains("GC") || thread.startsWith("G1")) {
      return "gc";
    } else if (thread.equals("java")) {
      return "main+duckdb";
    }
    return "other";
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static long count(Store store, String sql) throws Exception {
    try (Connection c = store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Segment batch bodies resembling a web shop's traffic, deterministic from a seed. */
  public static final class Bodies {
    private static final String[] EVENTS = {"Product Viewed", "Product Added", "Cart Viewed",
        "Checkout Started", "Order Completed", "Search", "Signed In", "Coupon Applied"};
    private static final String[] PAGES = {"/", "/shoes", "/shoes/runner-2", "/cart",
        "/checkout", "/help", "/account"};
    private final int batchSize;
    private final int customers;

    public Bodies(int batchSize, int customers) {
      this.batchSize = batchSize;
      this.customers = customers;
    }

    public List<byte[]> make(int firstBatch, int count) {
      List<byte[]> out = new ArrayList<>(count);
      Instant base = Instant.now().minusSeconds(3600);
      for (int b = firstBatch; b < firstBatch + count; b++) {
        SplittableRandom rnd = new SplittableRandom(b);
        StringBuilder sb = new StringBuilder(batchSize * 400);
        sb.append("{\"batch\":[");
        for (int i = 0; i < batchSize; i++) {
          int customer = rnd.nextInt(customers);
          if (i > 0) {
            sb.append(',');
          }
          sb.append("{\"messageId\":\"m-").append(b).append('-').append(i).append('"');
          sb.append(",\"anonymousId\":\"anon-").append(customer).append('"');
          if (customer % 3 == 0) {
            sb.append(",\"userId\":\"user-").append(customer).append('"');
          }
          sb.append(",\"timestamp\":\"").append(base.plusMillis(b * 1000L + i)).append('"');
          if (rnd.nextInt(4) == 0) {
            sb.append(",\"type\":\"page\",\"name\":\"")
                .append(PAGES[rnd.nextInt(PAGES.length)]).append('"')
                .append(",\"properties\":{\"path\":\"").append(PAGES[rnd.nextInt(PAGES.length)])
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
          sb.append(",\"context\":{\"ip\":\"10.0.").append(customer % 256).append('.')
              .append(customer / 256 % 256)
              .append("\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"locale\":\"ko-KR\"}}");
        }
        sb.append("],\"sentAt\":\"").append(base.plusMillis(b * 1000L + batchSize))
            .append("\"}");
        out.add(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
      return out;
    }
  }
}
