package org.itinera.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.store.TestShop.text;

import java.nio.file.Path;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.store.Period;
import org.itinera.store.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceOfCustomerTest {
  @TempDir Path dir;

  private static final List<Event> TEXTS = List.of(
      text("t1", "ann", "2026-05-01T09:00:00Z", "review", "Delivery took ten days", -0.7,
          "frustration", List.of("delivery")),
      text("t2", "bob", "2026-05-02T09:00:00Z", "chat", "배송이 너무 늦어요", -0.5, "frustration",
          List.of("delivery", "support")),
      text("t3", "ann", "2026-05-03T09:00:00Z", "review", "Great fit, love it", 0.8, "joy",
          List.of("fit")),
      text("t4", "cho", "2026-05-04T09:00:00Z", "review", "It is ok", 0.0, "neutral",
          List.of("fit")),
      text("t5", "dan", "2026-05-05T09:00:00Z", "review", "<script>alert(1)</script>", null,
          null, List.of()));

  private VoiceReport report(VoiceQuery q) {
    return TestShop.query(dir, TEXTS, c -> new VoiceOfCustomer(c).report(q));
  }

  private static VoiceQuery q(String channel, String topic, String sentiment, String contains,
      String sort) {
    return new VoiceQuery(Period.ALL, channel, topic, null, sentiment, null, contains, sort, 0, 10);
  }

  @Test
  void report_countsSentimentEmotionsAndThemes() {
    VoiceReport r = report(VoiceQuery.of(Period.ALL));
    assertThat(r.texts()).isEqualTo(5);
    assertThat(r.scored()).isEqualTo(4);
    assertThat(r.negative()).isEqualTo(2);
    assertThat(r.neutral()).isEqualTo(1);
    assertThat(r.positive()).isEqualTo(1);
    assertThat(r.meanSentiment()).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.emotions()).extracting(VoiceReport.Facet::value)
        .containsExactly("frustration", "joy", "neutral");
    assertThat(r.themes()).extracting(VoiceReport.Theme::topic)
        .containsExactly("delivery", "fit", "support");
    VoiceReport.Theme delivery = r.themes().get(0);
    assertThat(delivery.mentions()).isEqualTo(2);
    assertThat(delivery.customers()).isEqualTo(2);
    assertThat(delivery.negativeShare()).isEqualTo(1.0);
    assertThat(r.themes().get(1).negativeShare()).isZero();
    assertThat(r.quotes()).extracting(VoiceReport.Quote::eventId)
        .containsExactly("t5", "t4", "t3", "t2", "t1");
    assertThat(r.quotes().get(0).text()).isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void report_filtersNarrowEveryFigure() {
    VoiceReport delivery = report(q(null, "delivery", null, null, "negative"));
    assertThat(delivery.texts()).isEqualTo(2);
    assertThat(delivery.quotes()).extracting(VoiceReport.Quote::eventId)
        .containsExactly("t1", "t2");
    assertThat(report(q("chat", null, null, null, null)).texts()).isEqualTo(1);
    assertThat(report(q(null, null, "positive", null, null)).quotes())
        .extracting(VoiceReport.Quote::customerId).containsExactly("ann");
    assertThat(report(q(null, null, "neutral", null, null)).texts()).isEqualTo(1);
    assertThat(report(q(null, null, null, "늦어", null)).quotes())
        .extracting(VoiceReport.Quote::eventId).containsExactly("t2");
    assertThat(report(new VoiceQuery(Period.parse("2026-05-02", "2026-05-03"), null, null, null,
        null, null, null, null, 0, 10)).texts()).isEqualTo(2);
  }

  @Test
  void report_pagesQuotesButCountsAll() {
    VoiceReport r = report(new VoiceQuery(Period.ALL, null, null, null, null, null, null,
        "positive", 1, 2));
    assertThat(r.texts()).isEqualTo(5);
    assertThat(r.quotes()).extracting(VoiceReport.Quote::eventId).containsExactly("t4", "t2");
  }

  /** Reviews are "after", everything else "before": a stage column as the server builds one. */
  private static final StageColumn STAGES = new StageColumn(
      "(CASE WHEN channel IN (?) THEN ? WHEN channel IS NOT NULL THEN ? END)",
      List.of("review", "after", "before"), List.of("before", "after"));

  @Test
  void report_countsAndFiltersByStage() {
    VoiceReport all = TestShop.query(dir, TEXTS,
        c -> new VoiceOfCustomer(c, STAGES).report(VoiceQuery.of(Period.ALL)));
    assertThat(all.stages()).extracting(VoiceReport.Facet::value, VoiceReport.Facet::texts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("before", 1L),
            org.assertj.core.groups.Tuple.tuple("after", 4L));
    VoiceReport before = TestShop.query(dir, TEXTS, c -> new VoiceOfCustomer(c, STAGES).report(
        new VoiceQuery(Period.ALL, null, null, null, null, null, null, null, 0, 10, "before")));
    assertThat(before.texts()).isEqualTo(1);
    assertThat(before.quotes()).extracting(VoiceReport.Quote::eventId).containsExactly("t2");
    assertThat(report(VoiceQuery.of(Period.ALL)).stages()).isEmpty();
  }

  @Test
  void report_refusesAStageTheModelDoesNotHave() {
    VoiceQuery q = new VoiceQuery(Period.ALL, null, null, null, null, null, null, null, 0, 10,
        "checkout");
    assertThatThrownBy(() -> TestShop.query(dir, TEXTS,
        c -> new VoiceOfCustomer(c, STAGES).report(q)))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("stage");
    assertThatThrownBy(() -> report(q))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("stage");
  }

  @Test
  void query_refusesUnknownSentimentAndSort() {
    assertThatThrownBy(() -> q(null, null, "angry", null, null))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("sentiment");
    assertThatThrownBy(() -> q(null, null, null, null, "ts; DROP TABLE events"))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("sort");
  }
}
