package org.itinera.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.journey.ModelStages;
import org.itinera.dashboard.Http;
import org.itinera.dashboard.ShopData;
import org.itinera.ingest.Ingestor;
import org.itinera.journey.JourneyModel;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/customers} with structured criteria, on a real server wired as {@code itinera
 * serve} wires it (the customer search shares the analyses' sequence index): drop-offs agree with
 * {@code /api/funnels}, stages with the journals' profile cards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerCriteriaRoutesTest {
  private static final String STEPS = "Page Viewed,Checkout Started,Order Completed";
  private static final JourneyModel MODEL = JourneyModel.defaultModel();

  @TempDir static Path dir;
  Store store;
  Ingestor ingestor;
  ItineraServer server;
  Http http;
  String token;

  @BeforeAll
  void start() {
    store = Store.open(dir);
    ingestor = Ingestor.open(store);
    ingestor.ingest(ShopData.events());
    AnalysisRoutes analyses = new AnalysisRoutes(store, MODEL);
    server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
        new AdminRoutes(store, new ModelStages(MODEL)),
        new QueryRoutes(store, analyses::sequences, MODEL), analyses);
    http = new Http("http://127.0.0.1:" + server.port());
    token = server.token().value();
  }

  @AfterAll
  void stop() {
    server.close();
    ingestor.close();
    store.close();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Set<String> ids(JsonNode page) {
    Set<String> out = new TreeSet<>();
    page.path("customers").forEach(c -> out.add(c.path("customerId").asText()));
    return out;
  }

  @Test
  void customers_droppedAtAFunnelStepAreTheFunnelsDroppedCustomers() {
    JsonNode funnel = http.json("/api/funnels?step=" + q("Page Viewed") + "&step="
        + q("Checkout Started") + "&step=" + q("Order Completed") + "&dropSample=10000", token);
    JsonNode step3 = funnel.path("steps").get(2);
    assertThat(step3.path("dropOff").asLong()).as("the shop has abandoned checkouts").isPositive();
    Set<String> expected = new TreeSet<>();
    step3.path("droppedCustomers").forEach(c -> expected.add(c.asText()));

    JsonNode page = http.json("/api/customers?limit=200&droppedAt=" + q(STEPS + ":3"), token);
    assertThat(page.path("total").asLong()).isEqualTo(step3.path("dropOff").asLong());
    assertThat(ids(page)).isEqualTo(expected);
    // Without :K the last step is meant.
    assertThat(ids(http.json("/api/customers?limit=200&droppedAt=" + q(STEPS), token)))
        .isEqualTo(expected);
    // Combined with a trait, both hold.
    JsonNode seoul = http.json("/api/customers?limit=200&droppedAt=" + q(STEPS + ":3")
        + "&trait=" + q("city=Seoul"), token);
    assertThat(expected).containsAll(ids(seoul));
    for (String id : ids(seoul)) {
      assertThat(http.json("/api/customers/" + q(id), token).path("traits").path("city")
          .asText()).isEqualTo("Seoul");
    }
  }

  @Test
  void customers_byStageAreThoseWhoseJournalSaysSo() {
    int seen = 0;
    for (String stage : List.of("purchase", "retention", "advocacy")) {
      JsonNode page = http.json("/api/customers?limit=200&stage=" + stage, token);
      for (String id : ids(page)) {
        assertThat(http.json("/api/customers/" + q(id) + "/journal", token).path("profile")
            .path("currentStage").asText()).as(id).isEqualTo(stage);
      }
      seen += ids(page).size();
    }
    assertThat(seen).isPositive();
    JsonNode bob = http.json("/api/customers?topic=delivery&q=minsu", token);
    assertThat(ids(bob)).containsExactly("u-bob");
    assertThat(bob.path("customers").get(0).path("revenue").asDouble()).isEqualTo(129000.0);
    assertThat(bob.path("customers").get(0).path("negativeTexts").asLong()).isEqualTo(1);
  }

  @Test
  void customers_badCriteriaAreRefusedNamingTheParameter() {
    for (String[] c : new String[][] {{"stage=nowhere", "stage"},
        {"droppedAt=" + q("Product Viewed"), "droppedAt"},
        {"droppedAt=" + q(STEPS + ":9"), "droppedAt"},
        {"window=7d", "window"},
        {"droppedAt=" + q(STEPS) + "&window=soon", "window"},
        {"trait=city", "trait"}}) {
      HttpResponse<String> r = http.send(http.get("/api/customers?" + c[0])
          .header("Authorization", "Bearer " + token));
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(Http.parse(r.body()).path("error").path("field").asText()).as(c[0])
          .isEqualTo(c[1]);
    }
  }

  private HttpResponse<String> get(String path) {
    return http.send(http.get(path).header("Authorization", "Bearer " + token));
  }

  @Test
  void caseStudy_ofTheCustomersASearchSelects_quotesTheirWordsAndEscapesMarkup() {
    HttpResponse<String> md = get("/api/casestudy?topic=delivery&lang=ko&q=minsu");
    assertThat(md.statusCode()).as(md.body()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.body()).startsWith("# 사례 연구: ").contains("배송이 일주일 넘게 걸렸어요");

    HttpResponse<String> html = get("/api/casestudy?topic=quality&q=eve&format=html");
    assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body()).contains("<h1>Case study: topic=quality, q=eve</h1>")
        .contains("&lt;script&gt;").doesNotContain("<script>window");

    HttpResponse<String> bad = get("/api/casestudy?format=pdf");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.parse(bad.body()).path("error").path("field").asText()).isEqualTo("format");
    HttpResponse<String> none = get("/api/casestudy?text=" + q("no one wrote this"));
    assertThat(none.statusCode()).isEqualTo(404);
  }
}
