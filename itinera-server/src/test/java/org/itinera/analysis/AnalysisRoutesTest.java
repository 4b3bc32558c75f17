package org.itinera.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.itinera.dashboard.Http;
import org.itinera.dashboard.TestServer;
import org.itinera.event.Event;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.sequence.SequenceFilter;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.topic.TopicOptions;
import org.itinera.voice.SegmentTopics;
import org.itinera.voice.TopicQuery;
import org.itinera.voice.TopicReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisRoutesTest {
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

  private String field(String path) {
    HttpResponse<String> r = http.send(http.get(path)
        .header("Authorization", "Bearer " + server.token()));
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    return Http.parse(r.body()).path("error").path("field").asText();
  }

  @Test
  void funnel_countsTheCustomersOfEachStep() throws Exception {
    // in the shop every order follows its product view within minutes
    JsonNode f = http.json("/api/funnels?step=Product%20Viewed&step=Order%20Completed"
        + "&window=30d&dropSample=100", server.token());
    assertThat(f.path("entered").asLong()).isEqualTo(count("SELECT count(DISTINCT customer_id)"
        + " FROM events WHERE name = 'Product Viewed'"));
    assertThat(f.path("converted").asLong()).isEqualTo(count("SELECT count(DISTINCT"
        + " customer_id) FROM events WHERE name = 'Order Completed'"));
    assertThat(f.path("steps")).hasSize(2);
    JsonNode byChannel = http.json("/api/funnels?step=Product%20Viewed&step=Order%20Completed"
        + "&by=channel", server.token());
    long entered = 0;
    for (JsonNode g : byChannel.path("groups")) {
      entered += g.path("steps").get(0).path("customers").asLong();
    }
    assertThat(entered).isEqualTo(f.path("entered").asLong());
  }

  /** Steps with conditions, per-step windows and segment breakdowns, against SQL over the store. */
  @Test
  void funnel_stepConditionsWindowsAndSegments() throws Exception {
    JsonNode web = http.json("/api/funnels?step=" + Http.encode("Order Completed [channel=web,"
        + " order_id exists]"), server.token());
    assertThat(web.at("/steps/0/label").asText())
        .isEqualTo("Order Completed [channel=web, order_id exists]");
    assertThat(web.path("entered").asLong()).isEqualTo(count("SELECT count(DISTINCT customer_id)"
        + " FROM events WHERE name = 'Order Completed' AND channel = 'web'"
        + " AND json_extract(properties, '$.order_id') IS NOT NULL"));
    JsonNode sku = http.json("/api/funnels?step=" + Http.encode("[sku=A-1|B-2]"), server.token());
    assertThat(sku.path("entered").asLong()).isEqualTo(count("SELECT count(DISTINCT customer_id)"
        + " FROM events WHERE json_extract_string(properties, '$.sku') IN ('A-1', 'B-2')"));
    // a per-step window can only lose customers, and a zero window keeps those with ties only
    JsonNode open = http.json("/api/funnels?step=Product%20Viewed&step=Order%20Completed",
        server.token());
    JsonNode tight = http.json("/api/funnels?step=Product%20Viewed&step=Order%20Completed"
        + "&stepWindow=2%3D1s", server.token());
    assertThat(tight.path("converted").asLong()).isLessThan(open.path("converted").asLong());
    JsonNode segments = http.json("/api/funnels?step=Product%20Viewed&by=segment&segmentDef="
        + Http.encode("gold:plan=gold") + "&trait=" + Http.encode("plan=gold|basic"),
        server.token());
    long gold = count("SELECT count(DISTINCT e.customer_id) FROM events e JOIN profiles p"
        + " USING (customer_id) WHERE e.name = 'Product Viewed'"
        + " AND json_extract_string(p.traits, '$.plan') = 'gold'");
    java.util.Map<String, Long> bySegment = new java.util.HashMap<>();
    segments.path("groups").forEach(g -> bySegment.put(g.at("/by/segment").asText(),
        g.at("/steps/0/customers").asLong()));
    assertThat(bySegment).containsEntry("gold", gold).containsOnlyKeys("gold", "(other)");
    assertThat(segments.path("entered").asLong()).isEqualTo(count("SELECT count(DISTINCT"
        + " e.customer_id) FROM events e JOIN profiles p USING (customer_id) WHERE e.name ="
        + " 'Product Viewed' AND json_extract_string(p.traits, '$.plan') IN ('gold', 'basic')"));
  }

  @Test
  void analyses_followNewEventsAndFilters() throws Exception {
    JsonNode before = http.json("/api/funnels?step=Product%20Viewed", server.token());
    long t = java.time.Instant.parse("2026-04-21T10:00:00Z").toEpochMilli();
    server.ingestor.ingest(List.of(new Event("late-pv", null, null, "u-late", t, t, "track",
        "Product Viewed", "web", "src", null, null, null, null, null, null, null, null, null,
        null, null)));
    JsonNode after = http.json("/api/funnels?step=Product%20Viewed", server.token());
    assertThat(after.path("entered").asLong()).isEqualTo(before.path("entered").asLong() + 1);
    JsonNode april = http.json("/api/funnels?step=Product%20Viewed&from=2026-04-21"
        + "&to=2026-04-21", server.token());
    assertThat(april.path("entered").asLong()).isEqualTo(count("SELECT count(DISTINCT"
        + " customer_id) FROM events WHERE name = 'Product Viewed' AND ts >= '2026-04-21'"
        + " AND ts < '2026-04-22'"));
    JsonNode gold = http.json("/api/funnels?step=Product%20Viewed&segment=plan:gold",
        server.token());
    assertThat(gold.path("entered").asLong()).isLessThan(after.path("entered").asLong());
  }

  @Test
  void journeyMap_hasTheModelsStagesAndPainPointsWithQuotes() {
    JsonNode map = http.json("/api/journey-map", server.token());
    List<String> stages = JourneyModel.defaultModel().stages().stream()
        .map(org.itinera.journey.Stage::id).toList();
    assertThat(map.path("stages").findValuesAsText("stage")).containsExactlyElementsOf(stages);
    assertThat(map.path("matrix").size()).isPositive();
    JsonNode pains = map.path("painPoints");
    assertThat(pains.size()).isPositive();
    pains.fields().forEachRemaining(stage -> {
      assertThat(stages).contains(stage.getKey());
      for (JsonNode p : stage.getValue()) {
        assertThat(p.path("quotes").size()).isPositive();
        for (JsonNode q : p.path("quotes")) {
          assertThat(q.path("sentiment").asDouble()).isLessThanOrEqualTo(-0.25);
          assertThat(q.path("text").asText()).isNotBlank();
        }
      }
    });
  }

  /** Naive pain points: every negative text with topics, staged one by one in Java. */
  private String referencePainPoints(java.util.function.Predicate<Event> keep) throws Exception {
    ModelStages stages = new ModelStages(JourneyModel.defaultModel());
    java.util.Map<String, java.util.Map<String, List<Event>>> byStage = new java.util.TreeMap<>();
    try (Connection c = server.store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + org.itinera.store.EventRows.COLUMNS
            + " FROM events")) {
      while (rs.next()) {
        Event e = org.itinera.store.EventRows.read(rs);
        String stage = stages.stageOf(e);
        if (e.text() == null || e.sentiment() == null || e.sentiment() > -0.25
            || e.topics().isEmpty() || stage == null || !keep.test(e)) {
          continue;
        }
        for (String topic : e.topics()) {
          byStage.computeIfAbsent(stage, k -> new java.util.TreeMap<>())
              .computeIfAbsent(topic, k -> new java.util.ArrayList<>()).add(e);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    byStage.forEach((stage, topics) -> topics.entrySet().stream()
        .sorted(java.util.Comparator.comparing(
            (java.util.Map.Entry<String, List<Event>> t) -> -t.getValue().size())
            .thenComparing(java.util.Map.Entry::getKey))
        .limit(3).forEach(t -> {
          out.append(stage).append(' ').append(t.getKey()).append(' ')
              .append(t.getValue().size()).append(' ')
              .append(t.getValue().stream().map(Event::customerId).distinct().count());
          t.getValue().stream().sorted(java.util.Comparator.comparingDouble(Event::sentiment)
              .thenComparing(java.util.Comparator.comparingLong(Event::ts).reversed())
              .thenComparing(Event::eventId)).limit(2)
              .forEach(e -> out.append(' ').append(e.eventId()));
          out.append('\n');
        }));
    return out.toString();
  }

  private String servedPainPoints(String query) {
    JsonNode pains = http.json("/api/journey-map" + query, server.token()).path("painPoints");
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<String, JsonNode>(
        java.util.stream.StreamSupport.stream(((Iterable<java.util.Map.Entry<String, JsonNode>>)
            pains::fields).spliterator(), false).collect(java.util.stream.Collectors.toMap(
                java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)))
        .forEach((stage, points) -> points.forEach(p -> {
          out.append(stage).append(' ').append(p.path("topic").asText()).append(' ')
              .append(p.path("mentions").asLong()).append(' ')
              .append(p.path("customers").asLong());
          p.path("quotes").forEach(q -> out.append(' ').append(q.path("eventId").asText()));
          out.append('\n');
        }));
    return out.toString();
  }

  @Test
  void journeyMapPainPoints_matchANaiveReferenceUnderEveryFilter() throws Exception {
    java.util.Set<String> gold = new java.util.HashSet<>();
    try (Connection c = server.store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT customer_id, traits FROM profiles")) {
      while (rs.next()) {
        if (org.itinera.sequence.PropertyPredicate.eq("plan", "gold").test(rs.getString(2))) {
          gold.add(rs.getString(1));
        }
      }
    }
    long from = java.time.Instant.parse("2026-03-20T00:00:00Z").toEpochMilli();
    long to = java.time.Instant.parse("2026-04-11T00:00:00Z").toEpochMilli();
    String all = referencePainPoints(e -> true);
    assertThat(all.lines().count()).isGreaterThan(3);
    assertThat(servedPainPoints("")).isEqualTo(all);
    assertThat(servedPainPoints("?channel=chat&channel=review"))
        .isEqualTo(referencePainPoints(e -> List.of("chat", "review").contains(e.channel())))
        .isNotEqualTo(all);
    assertThat(servedPainPoints("?segment=plan:gold"))
        .isEqualTo(referencePainPoints(e -> gold.contains(e.customerId()))).isNotEqualTo(all);
    assertThat(servedPainPoints("?from=2026-03-20&to=2026-04-10"))
        .isEqualTo(referencePainPoints(e -> e.ts() >= from && e.ts() < to)).isNotEqualTo(all);
  }

  @Test
  void textTopics_answersWhatSegmentTopicsComputes() throws Exception {
    for (String query : List.of("", "?stage=retention", "?outcome=churn&churnDays=30&limit=5",
        "?channel=review&granularity=month&minCustomers=2")) {
      JsonNode answer = http.json("/api/text/topics" + query, server.token());
      assertThat(answer.path("texts").asInt()).as(query).isPositive();
      try (Connection c = server.store.newConnection()) {
        TopicReport direct = new SegmentTopics(c, JourneyModel.defaultModel(),
            TextAnalyzer.load()).report(query(query));
        assertThat(answer).as(query).isEqualTo(new ObjectMapper().valueToTree(direct));
      }
    }
    JsonNode all = http.json("/api/text/topics", server.token());
    JsonNode retention = http.json("/api/text/topics?stage=retention", server.token());
    assertThat(retention.path("texts").asInt()).isLessThan(all.path("texts").asInt());
    assertThat(retention.path("stage").asText()).isEqualTo("retention");
    assertThat(all.path("customers").asLong()).isEqualTo(count("SELECT count(DISTINCT"
        + " customer_id) FROM events WHERE text IS NOT NULL"));
  }

  @Test
  void textTopics_refusesBadParametersByName() {
    assertThat(field("/api/text/topics?stage=checkout")).isEqualTo("stage");
    assertThat(field("/api/text/topics?outcome=revenue")).isEqualTo("outcome");
    assertThat(field("/api/text/topics?granularity=year")).isEqualTo("granularity");
    assertThat(field("/api/text/topics?limit=0")).isEqualTo("limit");
  }

  /** The query the route builds from these parameters, built here by hand. */
  private static TopicQuery query(String params) {
    TopicOptions o = TopicOptions.defaults();
    return switch (params) {
      case "" -> TopicQuery.all();
      case "?stage=retention" -> new TopicQuery("retention", SequenceFilter.NONE,
          TopicQuery.Outcome.CONVERSION, 90, o);
      case "?outcome=churn&churnDays=30&limit=5" -> new TopicQuery(null, SequenceFilter.NONE,
          TopicQuery.Outcome.CHURN, 30, new TopicOptions(5, o.minCustomers(), o.minZ(),
              o.maxTermsPerTheme(), o.granularity(), o.zone()));
      default -> new TopicQuery(null, SequenceFilter.NONE.withChannels(List.of("review")),
          TopicQuery.Outcome.CONVERSION, 90, new TopicOptions(o.maxThemes(), 2, o.minZ(),
              o.maxTermsPerTheme(), TopicOptions.Granularity.MONTH, o.zone()));
    };
  }

  @Test
  void modelStages_classifyEachEventAsTheEngineDoes() throws Exception {
    ModelStages stages = new ModelStages(JourneyModel.defaultModel());
    java.util.Map<String, Long> perStage = new java.util.HashMap<>();
    try (Connection c = server.store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + org.itinera.store.EventRows.COLUMNS
            + " FROM events")) {
      while (rs.next()) {
        String stage = stages.stageOf(org.itinera.store.EventRows.read(rs));
        if (stage != null) {
          perStage.merge(stage, 1L, Long::sum);
        }
      }
    }
    JsonNode map = http.json("/api/journey-map", server.token());
    for (JsonNode s : map.path("stages")) {
      assertThat(perStage.getOrDefault(s.path("stage").asText(), 0L)).as(s.path("stage").asText())
          .isEqualTo(s.path("events").asLong());
    }
  }

  @Test
  void pathsAndRetention_answerTheEngineShapes() {
    JsonNode paths = http.json("/api/paths?anchor=Product%20Viewed&depth=3", server.token());
    assertThat(paths.path("paths").get(0).path("events").get(0).asText())
        .isEqualTo("Product Viewed");
    assertThat(paths.path("sankey").path("links").size()).isPositive();
    JsonNode retention = http.json("/api/retention?period=week&periods=4", server.token());
    assertThat(retention.path("cohorts").size()).isPositive();
    assertThat(retention.path("average")).hasSize(5);
  }

  @Test
  void badParameters_areRefusedNamingTheParameter() {
    assertThat(field("/api/funnels")).isEqualTo("step");
    assertThat(field("/api/funnels?step=A&window=soon")).isEqualTo("window");
    assertThat(field("/api/funnels?step=A&by=colour")).isEqualTo("by");
    assertThat(field("/api/funnels?step=A&segment=gold")).isEqualTo("segment");
    assertThat(field("/api/funnels?step=A%20%5Bx%3E%3E1%5D")).isEqualTo("step");
    assertThat(field("/api/funnels?step=A&step=B&stepWindow=3%3D1h")).isEqualTo("stepWindow");
    assertThat(field("/api/funnels?step=A&step=B&stepWindow=soon")).isEqualTo("stepWindow");
    assertThat(field("/api/funnels?step=A&segmentDef=gold%3Aplan%3Dgold")).isEqualTo(
        "segmentDef");
    assertThat(field("/api/funnels?step=A&by=segment")).isEqualTo("by");
    assertThat(field("/api/funnels?step=A&trait=plan%3E%3Dgold")).isEqualTo("trait");
    assertThat(field("/api/paths?anchor=%5Bchannel%3E1%5D")).isEqualTo("anchor");
    assertThat(field("/api/retention?start=%22A")).isEqualTo("start");
    assertThat(field("/api/paths?direction=sideways")).isEqualTo("direction");
    assertThat(field("/api/paths?direction=before")).isEqualTo("anchor");
    assertThat(field("/api/retention?period=day")).isEqualTo("period");
    assertThat(field("/api/retention?from=2026-13-01")).isEqualTo("from");
  }
}
