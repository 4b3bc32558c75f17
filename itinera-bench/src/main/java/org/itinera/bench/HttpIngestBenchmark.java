package org.itinera.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * concurrent clients on loopback, each posting {@code /v1/batch} bodies of 100 events and waiting
 * for the reply before the next (a 200 means the events are committed). Reports sustained
 * events/s, batch latency percentiles and where the CPU went.
 *
 * <p>Bodies ({@link SegmentTraffic}) are generated before the clock starts. The clients share the
 * machine with the server, as senders on the same host would; by default they use a minimal
 * keep-alive HTTP/1.1 client ({@link LoopbackClient}), {@code --client jdk} uses
 * {@code java.net.http} instead. A warm-up of its own batches runs first and is not counted. The
 * default run (1.2 million events, about 300 MB of WAL) is long enough to include the DuckDB
 * checkpoints that a sustained load pays for.
 *
 * <pre>
 * java -cp ... org.itinera.bench.HttpIngestBenchmark [--clients 32] [--batches 12000]
 *     [--batch-size 100] [--warmup 2000] [--visitors 20000] [--arrivals 10]
 *     [--client raw|jdk]
 * </pre>
 */
public final class HttpIngestBenchmark {
  private HttpIngestBenchmark() {}

  record Options(int clients, int batches, int batchSize, int warmup, int visitors,
      int arrivals, boolean jdkClient) {
    static Options parse(String[] args) {
      int clients = 32;
      int batches = 12_000;
      int batchSize = 100;
      int warmup = 2_000;
      int visitors = 20_000;
      int arrivals = 10;
      boolean jdk = false;
      for (int i = 0; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--clients" -> clients = positive(args[i], value);
          case "--batches" -> batches = positive(args[i], value);
          case "--batch-size" -> batchSize = positive(args[i], value);
          case "--warmup" -> warmup = positive(args[i], value);
          case "--visitors" -> visitors = positive(args[i], value);
          case "--arrivals" -> arrivals = atLeast(0, args[i], value);
          case "--client" -> {
            if (!"raw".equals(value) && !"jdk".equals(value)) {
              throw new IllegalArgumentException("--client needs raw or jdk, got " + value);
            }
            jdk = value.equals("jdk");
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known:"
              + " --clients --batches --batch-size --warmup --visitors --arrivals --client");
        }
      }
      return new Options(clients, batches, batchSize, warmup, visitors, arrivals, jdk);
    }

    private static int positive(String option, String value) {
      return atLeast(1, option, value);
    }

    private static int atLeast(int min, String option, String value) {
      try {
        int v = Integer.parseInt(value);
        if (v >= min) {
          return v;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException(option + " needs an integer >= " + min + ", got "
          + value);
    }
  }

  /** Sends one body and returns the status (and the body when it is not 200). */
  interface Sender extends AutoCloseable {
    LoopbackClient.Reply post(byte[] body) throws IOException, InterruptedException;

    @Override
    default void close() throws IOException {}
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
        String auth = "Basic " + Base64.getEncoder()
            .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        SegmentTraffic traffic = new SegmentTraffic(o.batchSize(), o.visitors(), o.arrivals());
        System.out.printf(Locale.ROOT, "warm-up: %d batches of %d events; %,d visitors, %d new"
            + " per batch%n", o.warmup(), o.batchSize(), o.visitors(), o.arrivals());
        phase(o, server.port(), auth, traffic.batches(0, o.warmup()));
        List<byte[]> timed = traffic.batches(o.warmup(), o.batches());
        long bytes = timed.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "timed: %d %s clients, %d batches of %d events"
            + " (%.1f KB per batch)%n", o.clients(), o.jdkClient() ? "java.net.http" : "raw",
            o.batches(), o.batchSize(), bytes / 1024.0 / o.batches());
        OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> threads0 = ThreadCpu.byRole();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long[] latencies = phase(o, server.port(), auth, timed);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        Map<String, Long> threads1 = ThreadCpu.byRole();
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
        System.out.println("CPU us per event by thread:"
            + ThreadCpu.perEvent(threads0, threads1, cpuSeconds, events));
        System.out.printf(Locale.ROOT, "stored: %,d events, %,d customers%n", stored,
            count(store, "SELECT count(DISTINCT customer_id) FROM events"));
      } finally {
        server.close();
      }
    }
  }

  /** Posts every body once, spread over the clients; returns each batch's latency in ns. */
  private static long[] phase(Options o, int port, String auth, List<byte[]> bodies)
      throws Exception {
    long[] latencies = new long[bodies.size()];
    AtomicInteger next = new AtomicInteger();
    HttpClient jdk = o.jdkClient() ? HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()
        : null;
    ExecutorService pool = Executors.newFixedThreadPool(o.clients());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < o.clients(); c++) {
        done.add(pool.submit(() -> {
          try (Sender sender = jdk != null ? jdkSender(jdk, port, auth)
              : rawSender(port, auth)) {
            for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
              long t0 = System.nanoTime();
              LoopbackClient.Reply reply = sender.post(bodies.get(i));
              latencies[i] = System.nanoTime() - t0;
              if (reply.status() != 200) {
                throw new IllegalStateException("batch " + i + " got " + reply.status() + ": "
                    + reply.body());
              }
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

  private static Sender rawSender(int port, String auth) throws IOException {
    LoopbackClient client = new LoopbackClient("127.0.0.1", port, "/v1/batch", auth);
    return new Sender() {
      @Override
      public LoopbackClient.Reply post(byte[] body) throws IOException {
        return client.post(body);
      }

      @Override
      public void close() throws IOException {
        client.close();
      }
    };
  }

  private static Sender jdkSender(HttpClient client, int port, String auth) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/v1/batch");
    return body -> {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
          .header("Authorization", auth).header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build(), HttpResponse.BodyHandlers.ofString());
      return new LoopbackClient.Reply(r.statusCode(), r.body());
    };
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

  /** Per-thread CPU from /proc, so the JIT, GC and DuckDB's native threads are seen too. */
  static final class ThreadCpu {
    private ThreadCpu() {}

    /** CPU ns by role of this process's live threads (Linux; empty elsewhere). */
    static Map<String, Long> byRole() {
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
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
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

    static String perEvent(Map<String, Long> before, Map<String, Long> after,
        double cpuSeconds, long events) {
      StringBuilder sb = new StringBuilder();
      long attributed = 0;
      for (Map.Entry<String, Long> g : after.entrySet()) {
        long ns = g.getValue() - before.getOrDefault(g.getKey(), 0L);
        attributed += ns;
        sb.append(String.format(Locale.ROOT, " %s %.1f,", g.getKey(), ns / 1e3 / events));
      }
      // threads that ended during the phase (a client pool, say) are not attributed
      return sb.append(String.format(Locale.ROOT, " unattributed %.1f",
          (cpuSeconds * 1e9 - attributed) / 1e3 / events)).toString();
    }

    private static String role(String thread) {
      if (thread.startsWith("JettyServerThre")) {
        return "jetty";
      } else if (thread.startsWith("HttpClient") || thread.startsWith("pool-")) {
        return "clients";
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
  }
}
