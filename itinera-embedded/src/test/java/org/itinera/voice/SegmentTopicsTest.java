package org.itinera.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.journey.JourneyModel;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.topic.Theme;
import org.itinera.text.topic.TopicOptions;
import org.itinera.voice.TopicQuery.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store, written through the real ingestor with the shipped model, where 20 customers complain
 * about delivery in support tickets (stage retention) and 20 others praise the product in reviews
 * (stage advocacy); who ordered afterwards and who went quiet is planted, so every figure of the
 * delivery theme can be recounted by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentTopicsTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
  private static final String[] COMPLAINTS = {
      "배송이 너무 늦어요 짜증나", "배송이 일주일째 안 와요 화나요", "배송 지연 때문에 너무 불편해요",
      "배송이 늦어서 실망했어요", "주문한 지 열흘인데 배송이 안 왔어요 최악"};
  private static final String[] PRAISE = {
      "상품이 정말 좋아요 만족합니다", "품질이 훌륭하고 마음에 들어요", "디자인이 예쁘고 정말 좋아요",
      "가격 대비 품질이 최고예요", "포장도 깔끔하고 상품 만족해요"};

  @TempDir static Path dir;
  private Store store;

  @BeforeAll
  void load() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String c = "c" + i;
      long at = T0 + i * 3_600_000L;
      if (i == 5) {
        events.add(event("o-before-" + c, c, at - DAY, "Order Completed", "web", null));
      }
      events.add(event("t-" + c, c, at, "Ticket Opened", "chat", COMPLAINTS[i % 5]));
      if (i < 5) {
        events.add(event("o-" + c, c, at + DAY, "Order Completed", "web", null));
      }
    }
    for (int i = 0; i < 20; i++) {
      String d = "d" + i;
      long at = T0 + 7 * DAY + i * 3_600_000L;
      events.add(event("r-" + d, d, at, "Review Submitted", "review", PRAISE[i % 5]));
      if (i < 15) {
        events.add(event("o-" + d, d, at + DAY, "Order Completed", "web", null));
      }
      // the d customers stay active; the c customers go quiet after March
      events.add(event("a-" + d, d, T0 + 200 * DAY, "App Opened", "app", null));
    }
    store = Store.open(dir);
    TextAnalyzer analyzer = TextAnalyzer.load();
    try (Ingestor ing = Ingestor.open(store, analyzer::enrich)) {
      ing.ingest(events);
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  private static Event event(String id, String user, long ts, String name, String channel,
      String text) {
    return new Event(id, null, null, user, ts, ts, text == null ? "track" : "ticket", name,
        channel, "src", null, null, null, text, null, null, null, null, null, null, null);
  }

  private TopicReport report(String stage, SequenceFilter filter, Outcome outcome) {
    try (var c = store.newConnection()) {
      return new SegmentTopics(c, JourneyModel.defaultModel(), TextAnalyzer.load())
          .report(new TopicQuery(stage, filter, outcome, 90, TopicOptions.defaults()));
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Theme delivery(TopicReport r) {
    return r.themes().stream().filter(t -> t.terms().contains("배송")).findFirst()
        .orElseThrow(() -> new AssertionError("no delivery theme in " + r.themes()));
  }

  @Test
  void report_deliveryThemeCountsItsCustomersAndConversion() {
    TopicReport r = report(null, SequenceFilter.NONE, Outcome.CONVERSION);
    assertThat(r.texts()).isEqualTo(40);
    assertThat(r.customers()).isEqualTo(40);
    assertThat(r.customersWithOutcome()).isEqualTo(40);
    // c0-c4 and d0-d14 ordered after writing; c5's order came before its text
    assertThat(r.outcomeRate()).isCloseTo(20 / 40.0, offset(1e-9));
    Theme t = delivery(r);
    assertThat(r.themes().get(0)).isEqualTo(t);
    assertThat(t.customers()).isEqualTo(20);
    assertThat(t.shareOfCustomers()).isCloseTo(0.5, offset(1e-9));
    assertThat(t.shareNegative()).isGreaterThan(0.5);
    assertThat(t.outcome().mentioning()).isEqualTo(20);
    assertThat(t.outcome().rateMentioning()).isCloseTo(5 / 20.0, offset(1e-9));
    assertThat(t.outcome().rateOthers()).isCloseTo(15 / 20.0, offset(1e-9));
    assertThat(t.outcome().z()).isLessThan(-1.96);
    assertThat(t.quotes()).hasSize(3);
    assertThat(t.quotes()).allSatisfy(q -> assertThat(q.text()).contains("배송"));
    assertThat(t.quotes().stream().map(Theme.Quote::customerId).distinct()).hasSize(3);
    assertThat(t.painLowerBound()).isGreaterThan(0).isLessThan(t.shareOfCustomers());
    assertThat(t.trend().stream().mapToInt(Theme.Period::documents).sum()).isEqualTo(20);
    assertThat(r.outcomeDefinition()).contains("Order Completed");
  }

  @Test
  void report_churnComparesCustomersWhoWentQuiet() {
    TopicReport r = report(null, SequenceFilter.NONE, Outcome.CHURN);
    assertThat(r.outcome()).isEqualTo("churn");
    Theme t = delivery(r);
    // the c customers' last events are in March, 200 days before the newest event
    assertThat(t.outcome().rateMentioning()).isCloseTo(1.0, offset(1e-9));
    assertThat(t.outcome().rateOthers()).isCloseTo(0.0, offset(1e-9));
  }

  @Test
  void report_stageKeepsOnlyTheStagesTexts() {
    TopicReport retention = report("retention", SequenceFilter.NONE, Outcome.CONVERSION);
    assertThat(retention.stage()).isEqualTo("retention");
    assertThat(retention.texts()).isEqualTo(20);
    assertThat(delivery(retention).customers()).isEqualTo(20);
    TopicReport advocacy = report("advocacy", SequenceFilter.NONE, Outcome.CONVERSION);
    assertThat(advocacy.texts()).isEqualTo(20);
    assertThat(advocacy.themes()).noneMatch(t -> t.terms().contains("배송"));
  }

  @Test
  void report_channelAndPeriodNarrowTheTexts() {
    assertThat(report(null, SequenceFilter.NONE.withChannels(List.of("review")),
        Outcome.CONVERSION).texts()).isEqualTo(20);
    assertThat(report(null, SequenceFilter.NONE.withTimeRange(T0 + 7 * DAY, null),
        Outcome.CONVERSION).texts()).isEqualTo(20);
  }

  @Test
  void report_unknownStageIsRefusedWithTheModelsStages() {
    assertThatThrownBy(() -> report("checkout", SequenceFilter.NONE, Outcome.CONVERSION))
        .isInstanceOf(ItineraException.class)
        .hasMessageContaining("'checkout'").hasMessageContaining("retention");
  }
}
