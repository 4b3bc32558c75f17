package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itinera.source.Sources;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 means the events are on disk: the server runs as a separate JVM, concurrent clients send
 * batches, the process is SIGKILLed mid-stream ({@link Process#destroyForcibly()} on Linux), and
 * after a restart on the same directory every acknowledged event is there exactly once.
 */
class ServeCrashDurabilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final int CLIENTS = 4;
  private static final int BATCH = 100;
  private static final int MAX_BATCHES_PER_CLIENT = 400;
  private static final int KILL_AFTER_ACKS = 24;
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  /** A server process and the URL it printed. */
  record Server(Process process, String url) {}

  @Test
  void serve_sigkillMidStream_everyAcknowledgedEventIsStoredExactlyOnce() throws Exception {
    String key;
    try (Store store = Store.open(dir)) {
      key = new Sources(store).create("crash", "web").writeKey();
    }
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        (key + ":").getBytes(StandardCharsets.UTF_8));

    Server first = start();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> attempted = ConcurrentHashMap.newKeySet();
    AtomicInteger acks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(pool.submit(() -> {
        for (int b = 0; b < MAX_BATCHES_PER_CLIENT; b++) {
          String batch = "c" + client + "b" + b;
          attempted.add(batch);
          try {
            HttpResponse<String> r = post(first.url(), auth, body(batch));
            if (r.statusCode() != 200) {
              throw new AssertionError("batch " + batch + ": " + r.statusCode() + " " + r.body());
            }
            acknowledged.add(batch);
            acks.incrementAndGet();
          } catch (IOException e) {
            return null; // the server is gone
          }
        }
        return null;
      }));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acks.get() < KILL_AFTER_ACKS && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling the clients' progress, bounded by the deadline
    }
    assertThat(acks.get()).as("batches acknowledged before the kill").isGreaterThanOrEqualTo(
        KILL_AFTER_ACKS);
    first.process().destroyForcibly();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    for (Future<?> f : clients) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(acknowledged.size()).as("some batches were cut off mid-stream")
        .isLessThan(CLIENTS * MAX_BATCHES_PER_CLIENT);

    Server second = start();
    try {
      // Re-send everything: an acknowledged batch must be all duplicates; a cut-off one was
      // either committed whole or not at all (one transaction per group).
      for (String batch : new TreeSet<>(attempted)) {
        HttpResponse<String> r = post(second.url(), auth, body(batch));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(r.body());
        if (acknowledged.contains(batch)) {
          assertThat(json.get("duplicates").asInt()).as("acknowledged %s", batch).isEqualTo(BATCH);
        } else {
          assertThat(json.get("accepted").asInt()).as("cut-off %s", batch).isIn(0, BATCH);
        }
      }
      for (String batch : attempted) {
        JsonNode json = JSON.readTree(post(second.url(), auth, body(batch)).body());
        assertThat(json.get("duplicates").asInt()).isEqualTo(BATCH);
      }
    } finally {
      second.process().destroy();
      assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    try (Store store = Store.open(dir); Connection c = store.newConnection();
        Statement st = c.createStatement()) {
      assertThat(longOf(st, "SELECT count(*) FROM events"))
          .isEqualTo((long) attempted.size() * BATCH);
      assertThat(longOf(st, "SELECT count(DISTINCT event_id) FROM events"))
          .isEqualTo((long) attempted.size() * BATCH);
      assertThat(longOf(st, "SELECT count(*) FROM (SELECT split_part(event_id, '-', 1) AS b"
          + " FROM events GROUP BY b HAVING count(*) <> " + BATCH + ")")).isZero();
    }
  }

  private Server start() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.itinera.cli.Main", "serve", "--data", dir.toString(), "--host", "127.0.0.1",
        "--port", "0");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BlockingQueue<String> url = new LinkedBlockingQueue<>();
    StringBuilder log = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (log) {
            log.append(line).append('\n');
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.add(m.group(1).replace("localhost", "127.0.0.1"));
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    String u = url.poll(60, TimeUnit.SECONDS);
    if (u == null) {
      p.destroyForcibly();
      synchronized (log) {
        throw new AssertionError("the server did not start within 60 s:\n" + log);
      }
    }
    return new Server(p, u);
  }

  private static HttpResponse<String> post(String url, String auth, String body)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
        .header("Authorization", auth).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String body(String batch) {
    StringBuilder sb = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < BATCH; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"messageId\":\"").append(batch)
          .append('-').append(i).append("\",\"anonymousId\":\"").append(batch).append("-a")
          .append(i % 7).append("\",\"event\":\"Crash Test\",\"properties\":{\"i\":").append(i)
          .append("}}");
    }
    return sb.append("]}").toString();
  }

  private static long longOf(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
