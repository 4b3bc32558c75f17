package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The analysis commands against a real store. */
class AnalysisCommandsTest {
  private static final long T = 1_767_225_600_000L; // 2026-01-01T00:00:00Z, a Thursday
  private static final long H = 3_600_000L;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Event event(int n, String user, long ts, String name, String channel,
      String properties) {
    return new Event("m" + n, null, null, user, ts, ts, "track", name, channel, null, properties,
        null, null, null, null, null, null, null, null, null, null);
  }

  @BeforeEach
  void fill() {
    List<Event> events = new ArrayList<>();
    int n = 0;
    for (int u = 0; u < 10; u++) {
      String user = "user-" + u;
      events.add(event(n++, user, T + u * H, "Product Viewed", u % 2 == 0 ? "web" : "app", null));
      if (u < 6) {
        events.add(event(n++, user, T + u * H + H / 2, "Checkout Started", "web", null));
      }
      if (u < 3) {
        events.add(event(n++, user, T + u * H + 2 * H, "Order Completed", "web",
            "{\"total\": 50}"));
      }
      if (u == 3) {
        events.add(event(n++, user, T + 9 * 24 * H, "Review Submitted", "review", null));
      }
    }
    // Written with plain SQL: the analyses read the events table, however the rows got there.
    try (Store store = Store.open(dir);
        PreparedStatement s = store.connection().prepareStatement("INSERT INTO events (seq, "
            + "event_id, customer_id, user_id, ts, received_at, type, name, channel, properties) "
            + "VALUES (?, ?, ?, ?, epoch_ms(?::BIGINT), epoch_ms(?::BIGINT), 'track', ?, ?, ?)")) {
      long seq = 0;
      for (Event e : events) {
        s.setLong(1, seq++);
        s.setString(2, e.eventId());
        s.setString(3, e.userId());
        s.setString(4, e.userId());
        s.setLong(5, e.ts());
        s.setLong(6, e.receivedAt());
        s.setString(7, e.name());
        s.setString(8, e.channel());
        s.setString(9, e.propertiesJson());
        s.addBatch();
      }
      s.executeBatch();
      try (PreparedStatement t = store.connection().prepareStatement(
          "INSERT INTO profiles VALUES (?, ?)")) {
        for (int u = 0; u < 10; u++) {
          t.setString(1, "user-" + u);
          t.setString(2, "{\"plan\": \"" + (u < 4 ? "gold" : "free") + "\", \"orders\": " + u
              + "}");
          t.addBatch();
        }
        t.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int run(Object command, String... args) {
    CommandLine cl = Main.configure(new CommandLine(command));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void funnel_json_hasStepsInOrderWithCustomers() throws Exception {
    int code = run(new FunnelCommand(), "--data", dir.toString(), "--steps",
        "Product Viewed, Checkout Started,Order Completed", "--window", "1d", "--by", "channel",
        "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode steps = json().get("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).get("step").asInt()).isEqualTo(1);
    assertThat(steps.get(0).get("customers").asLong()).isEqualTo(10);
    assertThat(steps.get(1).get("customers").asLong()).isEqualTo(6);
    assertThat(steps.get(2).get("customers").asLong()).isEqualTo(3);
    assertThat(steps.get(1).get("medianMsFromPrevious").asLong()).isEqualTo(H / 2);
    assertThat(json().get("groups")).hasSize(2);
  }

  /**
   * Steps with conditions: the app viewers (odd users) among those who ordered with total >= 50
   * on the web; a channel-only step; a segment breakdown and a trait condition on the customers.
   */
  @Test
  void funnel_stepConditions_segments_traitConditions() throws Exception {
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps",
        "Product Viewed [channel=app], [channel=web], Order Completed|Refunded [total>=50]",
        "--json")).as(err.toString()).isZero();
    JsonNode steps = json().get("steps");
    assertThat(steps.findValuesAsText("label")).containsExactly("Product Viewed [channel=app]",
        "[channel=web]", "Order Completed|Refunded [total>=50]");
    // users 1, 3, 5, 7, 9 view on the app; 1, 3, 5 start a checkout on the web; 1 orders
    assertThat(List.of(steps.at("/0/customers").asLong(), steps.at("/1/customers").asLong(),
        steps.at("/2/customers").asLong())).containsExactly(5L, 3L, 1L);
    out.getBuffer().setLength(0);
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps",
        "Product Viewed,Order Completed [total>50]", "--json")).isZero();
    assertThat(json().at("/steps/1/customers").asLong()).isZero();
    out.getBuffer().setLength(0);
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps",
        "Product Viewed,Checkout Started", "--by", "segment", "--segment",
        "gold:plan=gold, orders>=2", "--segment", "rich:orders>=5", "--trait", "orders<9",
        "--json")).as(err.toString()).isZero();
    JsonNode result = json();
    assertThat(result.at("/steps/0/customers").asLong()).isEqualTo(9); // users 0-8
    assertThat(result.at("/groups/0/by/segment").asText()).isEqualTo("rich"); // 5, 6, 7, 8
    assertThat(result.at("/groups/0/steps/1/customers").asLong()).isEqualTo(1); // 5
    assertThat(result.at("/groups/1/by/segment").asText()).isEqualTo("(other)"); // 0, 1, 4
    assertThat(result.at("/groups/1/steps/0/customers").asLong()).isEqualTo(3);
    assertThat(result.at("/groups/2/by/segment").asText()).isEqualTo("gold"); // 2, 3
    assertThat(result.at("/groups/2/steps/1/customers").asLong()).isEqualTo(2);
  }

  @Test
  void funnel_text_andBadInputNamesTheOption() {
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps",
        "Product Viewed,Order Completed")).isZero();
    assertThat(out.toString()).contains("10 entered, 3 converted (30.0%)")
        .contains("Order Completed");
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps", "A,,B"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("steps: ").contains("empty element 2");
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps",
        "A,B [total>>1]")).isEqualTo(2);
    assertThat(err.toString()).contains("steps: 'B [total>>1]', at character 10: 'total' '>'"
        + " compares numbers, but '>1' is not a number");
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps", "A,B",
        "--segment", "gold:plan=gold")).isEqualTo(2);
    assertThat(err.toString()).contains("segment: segments are defined but not used");
    assertThat(run(new FunnelCommand(), "--data", dir.toString(), "--steps", "A,B",
        "--window", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("window: 'soon' is not a duration");
  }

  @Test
  void paths_journeyMap_retention_json() throws Exception {
    assertThat(run(new PathsCommand(), "--data", dir.toString(), "--length", "2", "--json"))
        .isZero();
    JsonNode paths = json();
    assertThat(paths.at("/paths/0/events/0").asText()).isEqualTo("Product Viewed");
    assertThat(paths.at("/coverage/customers").asLong()).isEqualTo(10);

    out.getBuffer().setLength(0);
    assertThat(run(new JourneyMapCommand(), "--data", dir.toString(), "--json")).isZero();
    JsonNode map = json();
    assertThat(map.get("stages")).hasSize(5);
    assertThat(map.at("/stages/2/stage").asText()).isEqualTo("purchase");
    assertThat(map.at("/stages/2/customers").asLong()).isEqualTo(6);
    assertThat(map.at("/stages/4/customers").asLong()).isEqualTo(1);

    out.getBuffer().setLength(0);
    assertThat(run(new RetentionCommand(), "--data", dir.toString(), "--periods", "2",
        "--json")).isZero();
    JsonNode retention = json();
    assertThat(retention.at("/cohorts/0/customers").asLong()).isEqualTo(10);
    assertThat(retention.at("/cohorts/0/retained/1").asLong()).isEqualTo(1);
  }

  /** Each analysis asked of a running server prints exactly what it prints over the files. */
  @Test
  void analyses_overServer_printTheSameAsOverTheDataDirectory() throws Exception {
    List<String[]> queries = List.of(
        new String[] {"funnel", "--steps", "Product Viewed,Checkout Started,Order Completed",
            "--window", "1d", "--by", "channel", "--since", "2026-01-01", "--until",
            "2026-02-01"},
        new String[] {"paths", "--from", "Product Viewed", "--length", "3", "--channel",
            "web"},
        new String[] {"paths", "--to", "Order Completed", "--length", "2"},
        new String[] {"funnel", "--steps", "Product Viewed [channel=web|app],\"Checkout Started\""
            + " [channel=web], Order Completed [total>=50, total exists]", "--step-window",
            "2=1h", "--step-window", "3=1h", "--by", "segment", "--segment",
            "gold:plan=gold", "--trait", "orders>=1, plan=gold|free"},
        new String[] {"paths", "--from", "Product Viewed [channel=app]", "--length", "2"},
        new String[] {"retention", "--periods", "2", "--cohort-event",
            "Product Viewed [channel=web]"},
        new String[] {"journey-map"},
        new String[] {"retention", "--periods", "2", "--return-event", "Review Submitted"});
    List<String> local = new ArrayList<>();
    for (String[] q : queries) {
      local.add(runMain(q, "--data", dir.toString(), "--json"));
    }
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
          Wiring.routes(store));
      try {
        for (int i = 0; i < queries.size(); i++) {
          String remote = runMain(queries.get(i), "--server", server.url(), "--token",
              server.token().value(), "--json");
          assertThat(new ObjectMapper().readTree(remote)).as(String.join(" ", queries.get(i)))
              .isEqualTo(new ObjectMapper().readTree(local.get(i)));
        }
        // A bad expression is refused by the server, naming the parameter.
        assertThat(run(new FunnelCommand(), "--server", server.url(), "--token",
            server.token().value(), "--steps", "A,B", "--step-window", "3=1h")).isEqualTo(2);
        assertThat(err.toString()).contains("step 3 has no previous step");
      } finally {
        server.close();
      }
    }
  }

  private String runMain(String[] query, String... more) {
    StringWriter text = new StringWriter();
    StringWriter problems = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(text));
    cl.setErr(new PrintWriter(problems));
    String[] args = new String[query.length + more.length];
    System.arraycopy(query, 0, args, 0, query.length);
    System.arraycopy(more, 0, args, query.length, more.length);
    assertThat(cl.execute(args)).as(String.join(" ", args) + ": " + problems).isZero();
    return text.toString();
  }

  @Test
  void journeyMap_withOwnModel_reportsModelErrorsWithLine() throws Exception {
    Path model = dir.resolve("journey.yml");
    Files.writeString(model, "stages: [look, buy]\nrules:\n  - stage: purchase\n"
        + "    when: {name: Order Completed}\n");
    assertThat(run(new JourneyMapCommand(), "--data", dir.toString(), "--model",
        model.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 3").contains("'purchase' is not a declared stage");
  }

  @Test
  void missingStore_isNotFound() {
    assertThat(run(new FunnelCommand(), "--data", dir.resolve("nope").toString(), "--steps",
        "A")).isEqualTo(4);
    assertThat(err.toString()).contains("no Itinera store");
  }
}
