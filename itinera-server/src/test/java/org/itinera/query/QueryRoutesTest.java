package org.itinera.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.itinera.journey.ModelStages;
import org.itinera.dashboard.Http;
import org.itinera.dashboard.TestServer;
import org.itinera.journey.JourneyModel;
import org.itinera.store.EventRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryRoutesTest {
  @TempDir static Path dir;
  TestServer server;
  Http http;

  @BeforeAll
  void start() {
    server = new TestServer(dir);
    http = new Http(server.url());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private long count(String sql) {
    return server.count(sql);
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private JsonNode error(HttpResponse<String> r) {
    return Http.parse(r.body()).path("error");
  }

  @Test
  void api_needsTheAdminTokenAndRefusesWriteKeys() {
    HttpResponse<String> none = http.send(http.get("/api/overview"));
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(error(none).path("code").asText()).isEqualTo("UNAUTHORIZED");
    JsonNode source = Http.parse(http.send(http.post("/api/sources", "application/json",
        "{\"name\":\"web shop\",\"channel\":\"web\"}")
        .header("Authorization", "Bearer " + server.token())).body());
    String writeKey = source.path("writeKey").asText();
    assertThat(writeKey).isNotBlank();
    for (String path : new String[] {"/api/overview", "/api/customers", "/api/voice",
        "/api/catalog", "/api/heatmap/pages", "/api/no-such-thing"}) {
      HttpResponse<String> r = http.send(http.get(path)
          .header("Authorization", "Bearer " + writeKey));
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      String basic = java.util.Base64.getEncoder()
          .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
      assertThat(http.send(http.get(path).header("Authorization", "Basic " + basic))
          .statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void overview_agreesWithTheStore() throws Exception {
    JsonNode o = http.json("/api/overview", server.token());
    assertThat(o.path("events").asLong()).isEqualTo(count("SELECT count(*) FROM events"));
    assertThat(o.path("customers").asLong())
        .isEqualTo(count("SELECT count(DISTINCT customer_id) FROM events"));
    assertThat(o.path("conversion").path("orders").asLong())
        .isEqualTo(count("SELECT count(*) FROM events WHERE name = 'Order Completed'"));
    long promoters = count("SELECT count(*) FROM events WHERE name = 'NPS Answered'"
        + " AND rating >= 9");
    long detractors = count("SELECT count(*) FROM events WHERE name = 'NPS Answered'"
        + " AND rating <= 6");
    long answers = count("SELECT count(*) FROM events WHERE name = 'NPS Answered'");
    assertThat(o.path("nps").path("score").asDouble())
        .isCloseTo(100.0 * (promoters - detractors) / answers,
            org.assertj.core.data.Offset.offset(1e-9));
    int buckets = o.path("periods").size();
    assertThat(o.path("eventsByChannel")).allSatisfy(s ->
        assertThat(s.path("counts").size()).isEqualTo(buckets));
    assertThat(o.path("painPoints").size()).isPositive();
  }

  @Test
  void reports_followNewEventsAtOnce() {
    JsonNode before = http.json("/api/overview", server.token());
    JsonNode again = http.json("/api/overview", server.token());
    assertThat(again).isEqualTo(before);
    long t = java.time.Instant.parse("2026-04-20T10:00:00Z").toEpochMilli();
    server.ingestor.ingest(java.util.List.of(new org.itinera.event.Event("late-1", null, null,
        "u-new", t, t, "track", "Order Completed", "web", "src", null, null, null, null, null,
        null, null, null, null, 9900.0, "KRW")));
    JsonNode after = http.json("/api/overview", server.token());
    assertThat(after.path("events").asLong()).isEqualTo(before.path("events").asLong() + 1);
    assertThat(after.path("conversion").path("buyers").asLong())
        .isEqualTo(before.path("conversion").path("buyers").asLong() + 1);
    assertThat(http.json("/api/customers?q=u-new", server.token()).path("total").asLong())
        .isOne();
  }

  @Test
  void overview_refusesABadPeriodNamingTheParameter() {
    HttpResponse<String> r = http.send(http.get("/api/overview?from=yesterday")
        .header("Authorization", "Bearer " + server.token()));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).path("field").asText()).isEqualTo("from");
  }

  @Test
  void customers_searchPagesAndSurvivesHostileText() throws Exception {
    JsonNode bob = http.json("/api/customers?q=" + q("minsu.kim@"), server.token());
    assertThat(bob.path("total").asLong()).isEqualTo(1);
    assertThat(bob.path("customers").get(0).path("customerId").asText()).isEqualTo("u-bob");
    JsonNode page = http.json("/api/customers?limit=5&offset=5", server.token());
    assertThat(page.path("customers").size()).isEqualTo(5);
    assertThat(page.path("total").asLong()).isEqualTo(count("SELECT count(DISTINCT customer_id)"
        + " FROM identities"));
    JsonNode hostile = http.json("/api/customers?q=" + q("'; DROP TABLE events; --"),
        server.token());
    assertThat(hostile.path("total").asLong()).isZero();
    assertThat(count("SELECT count(*) FROM events")).isPositive();
    HttpResponse<String> bad = http.send(http.get("/api/customers?limit=lots")
        .header("Authorization", "Bearer " + server.token()));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(error(bad).path("field").asText()).isEqualTo("limit");
  }

  @Test
  void catalog_listsEventNamesChannelsAndTraits() {
    JsonNode c = http.json("/api/catalog", server.token());
    assertThat(c.path("events").findValuesAsText("name")).contains("Order Completed",
        "Ticket Opened").doesNotContain("Identify");
    assertThat(c.path("channels").findValuesAsText("channel")).contains("web", "call_center");
    assertThat(c.path("traits").findValuesAsText("key")).contains("plan", "city");
  }

  @Test
  void voice_filtersAndRefusesUnknownValues() {
    JsonNode v = http.json("/api/voice?topic=delivery&sentiment=negative", server.token());
    assertThat(v.path("texts").asLong()).isPositive();
    assertThat(v.path("quotes")).allSatisfy(quote -> {
      assertThat(quote.path("topics").toString()).contains("\"delivery\"");
      assertThat(quote.path("sentiment").asDouble()).isLessThanOrEqualTo(-0.25);
    });
    HttpResponse<String> bad = http.send(http.get("/api/voice?sort=random")
        .header("Authorization", "Bearer " + server.token()));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(error(bad).path("field").asText()).isEqualTo("sort");
  }

  @Test
  void voice_countsTextsByJourneyStageAndFiltersByOne() throws Exception {
    JsonNode all = http.json("/api/voice?limit=0", server.token());
    ModelStages stages = new ModelStages(JourneyModel.defaultModel());
    java.util.Map<String, Long> expected = new java.util.TreeMap<>();
    try (Connection c = server.store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + EventRows.COLUMNS
            + " FROM events WHERE text IS NOT NULL")) {
      while (rs.next()) {
        String stage = stages.stageOf(EventRows.read(rs));
        if (stage != null) {
          expected.merge(stage, 1L, Long::sum);
        }
      }
    }
    java.util.Map<String, Long> served = new java.util.TreeMap<>();
    all.path("stages").forEach(s -> served.put(s.path("value").asText(), s.path("texts").asLong()));
    assertThat(served).isEqualTo(expected).hasSizeGreaterThan(1);
    for (var e : expected.entrySet()) {
      JsonNode one = http.json("/api/voice?stage=" + e.getKey(), server.token());
      assertThat(one.path("texts").asLong()).as(e.getKey()).isEqualTo(e.getValue());
    }
    HttpResponse<String> bad = http.send(http.get("/api/voice?stage=nirvana")
        .header("Authorization", "Bearer " + server.token()));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(error(bad).path("field").asText()).isEqualTo("stage");
  }

  @Test
  void heatmap_listsPagesAndCountsTheirClicks() {
    JsonNode pages = http.json("/api/heatmap/pages", server.token()).path("pages");
    assertThat(pages.findValuesAsText("page")).contains("Home", "Product", "Cart");
    JsonNode product = http.json("/api/heatmap?page=Product&device=desktop", server.token());
    long cells = 0;
    for (JsonNode c : product.path("cells")) {
      cells += c.path("clicks").asLong();
    }
    assertThat(cells).isEqualTo(product.path("clicks").asLong()).isPositive();
    HttpResponse<String> noPage = http.send(http.get("/api/heatmap")
        .header("Authorization", "Bearer " + server.token()));
    assertThat(error(noPage).path("field").asText()).isEqualTo("page");
  }

  @Test
  void unknownApiPath_isA404NamingThePath_evenWhenTheClientAcceptsJson() {
    HttpResponse<String> r = http.send(http.get("/api/funnels-that-do-not-exist")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + server.token()));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(error(r).path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(error(r).path("field").asText()).isEqualTo("path");
  }
}
