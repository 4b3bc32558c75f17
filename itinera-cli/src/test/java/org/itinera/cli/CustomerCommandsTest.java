package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code customers find} and {@code casestudy} by funnel drop-off and stage, on a data directory
 * and through {@code --server} against a real server wired as {@code itinera serve} wires it: the
 * same answers both ways.
 */
class CustomerCommandsTest {
  private static final long T = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final long H = 3_600_000L;
  private static final String FUNNEL = "Product Viewed,Checkout Started,Order Completed";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /**
   * Ten customers view a product; 0-5 start checkout; 0-2 order; customer 3 then reviews. So
   * 3, 4 and 5 dropped at step 3, and the current stages are purchase for 0-2, 4, 5, advocacy
   * for 3, consideration for 6-9.
   */
  private static List<Event> events() {
    List<Event> events = new ArrayList<>();
    int n = 0;
    for (int u = 0; u < 10; u++) {
      String user = "user-" + u;
      events.add(event(n++, user, T + u * H, "Product Viewed", null));
      if (u < 6) {
        events.add(event(n++, user, T + u * H + H / 2, "Checkout Started", null));
      }
      if (u < 3) {
        events.add(event(n++, user, T + u * H + H, "Order Completed", 50_000.0));
      }
      if (u == 3) {
        events.add(new Event("m" + n++, null, null, user, T + 9 * 24 * H, T + 9 * 24 * H,
            "review", "Review Submitted", "review", null, null, null, null,
            "Checkout kept failing <b>again</b>", "en", -0.8, null, List.of("checkout"), 1.0,
            null, null));
      }
    }
    return events;
  }

  private static Event event(int n, String user, long ts, String name, Double revenue) {
    return new Event("m" + n, null, null, user, ts, ts, "track", name, "web", null, null, null,
        null, null, null, null, null, null, null, revenue, revenue == null ? null : "KRW");
  }

  /** Written with plain SQL: an Ingestor would keep the file open read-write in this JVM. */
  private void fill(Path data) {
    try (Store store = Store.open(data);
        PreparedStatement s = store.connection().prepareStatement("INSERT INTO events (seq,"
            + " event_id, customer_id, user_id, ts, received_at, type, name, channel, text,"
            + " lang, sentiment, topics, rating, revenue, currency) VALUES (?, ?, ?, ?,"
            + " epoch_ms(?::BIGINT), epoch_ms(?::BIGINT), ?, ?, ?, ?, ?, ?,"
            + " CAST(? AS VARCHAR[]), ?, ?, ?)");
        PreparedStatement id = store.connection().prepareStatement(
            "INSERT INTO identities (identity, customer_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      long seq = 0;
      for (Event e : events()) {
        int i = 1;
        s.setLong(i++, seq++);
        s.setString(i++, e.eventId());
        s.setString(i++, e.userId());
        s.setString(i++, e.userId());
        s.setLong(i++, e.ts());
        s.setLong(i++, e.receivedAt());
        s.setString(i++, e.type());
        s.setString(i++, e.name());
        s.setString(i++, e.channel());
        s.setString(i++, e.text());
        s.setString(i++, e.lang());
        s.setObject(i++, e.sentiment());
        s.setString(i++, e.topics() == null ? null : "[" + String.join(",", e.topics()) + "]");
        s.setObject(i++, e.rating());
        s.setObject(i++, e.revenue());
        s.setString(i, e.currency());
        s.addBatch();
        id.setString(1, "user:" + e.userId());
        id.setString(2, e.userId());
        id.addBatch();
      }
      s.executeBatch();
      id.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int run(Object command, String... args) {
    out.getBuffer().setLength(0);
    CommandLine cl = Main.configure(new CommandLine(command));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private Set<String> found(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    assertThat(run(new CustomersCommand.Find(), all.toArray(String[]::new)))
        .as(err.toString()).isZero();
    JsonNode page = new ObjectMapper().readTree(out.toString());
    Set<String> ids = new TreeSet<>();
    page.path("customers").forEach(c -> ids.add(c.path("customerId").asText()));
    assertThat(page.path("total").asLong()).isEqualTo(ids.size());
    return ids;
  }

  private void findsTheSameCustomers(String... where) throws Exception {
    assertThat(found(concat(where, "--dropped-at", FUNNEL + ":3")))
        .containsExactly("user-3", "user-4", "user-5");
    assertThat(found(concat(where, "--dropped-at", FUNNEL + ":2")))
        .containsExactly("user-6", "user-7", "user-8", "user-9");
    // steps with conditions: every checkout is on the web, so no one reaches an app checkout
    assertThat(found(concat(where, "--dropped-at",
        "Product Viewed,Checkout Started [channel=app]:2"))).hasSize(10);
    assertThat(found(concat(where, "--stage", "purchase")))
        .containsExactly("user-0", "user-1", "user-2", "user-4", "user-5");
    assertThat(found(concat(where, "--stage", "purchase", "--dropped-at", FUNNEL)))
        .containsExactly("user-4", "user-5");
    assertThat(found(concat(where, "--topic", "checkout", "--dropped-at", FUNNEL,
        "--window", "1h"))).containsExactly("user-3");
    assertThat(found(concat(where, "--stage", "purchase", "--dropped-at", FUNNEL, "--window",
        "10m"))).isEmpty();
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  @Test
  void find_onTheDataDirectoryAndThroughTheServerAgree() throws Exception {
    Path local = dir.resolve("local");
    fill(local);
    findsTheSameCustomers("--data", local.toString());

    Path served = dir.resolve("served");
    try (Store store = Store.open(served); Ingestor ingestor = Ingestor.open(store)) {
      ingestor.ingest(events());
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
          Wiring.routes(store));
      try {
        String url = "http://127.0.0.1:" + server.port();
        findsTheSameCustomers("--server", url, "--data", served.toString());

        Path md = dir.resolve("remote.md");
        assertThat(run(new CaseStudyCommand(), "--server", url, "--token",
            server.token().value(), "--dropped-at", FUNNEL, "--limit", "1", "--out",
            md.toString())).as(err.toString()).isZero();
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(text).contains("3 customers").contains("dropped at " + FUNNEL);
        assertThat(text.split("## Customer ", -1)).hasSize(2);
      } finally {
        server.close();
      }
    }
  }

  @Test
  void casestudy_ofCustomersWhoHitAPainPoint_quotesThemEscaped() throws Exception {
    Path data = dir.resolve("data");
    fill(data);
    Path html = dir.resolve("pain.html");
    assertThat(run(new CaseStudyCommand(), "--data", data.toString(), "--topic", "checkout",
        "--out", html.toString())).as(err.toString()).isZero();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("user-3").contains("Checkout kept failing &lt;b&gt;again&lt;/b&gt;")
        .doesNotContain("<b>again");
    Path md = dir.resolve("segment.md");
    assertThat(run(new CaseStudyCommand(), "--data", data.toString(), "--stage", "purchase",
        "--lang", "ko", "--limit", "2", "--out", md.toString())).as(err.toString()).isZero();
    String segment = Files.readString(md, StandardCharsets.UTF_8);
    assertThat(segment).contains("고객 5명").contains("대표 고객")
        .contains("첫 구매 전 30분 동안");
    assertThat(segment.split("## 고객 ", -1)).hasSize(3);
  }

  @Test
  void find_badCriteriaNameTheOption() {
    Path data = dir.resolve("data");
    fill(data);
    assertThat(run(new CustomersCommand.Find(), "--data", data.toString(), "--stage", "moon"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("stage: 'moon' is not a stage");
    assertThat(run(new CustomersCommand.Find(), "--data", data.toString(), "--dropped-at",
        FUNNEL + ":1")).isEqualTo(2);
    assertThat(err.toString()).contains("droppedAt: step 1");
    assertThat(run(new CustomersCommand.Find(), "--data", data.toString(), "--window", "7d"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("window: ");
  }
}
