package org.itinera.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Period;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewTest {
  @TempDir Path dir;

  static long at(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  static Event ev(String id, String user, String when, String type, String name, String channel) {
    return new Event(id, null, null, user, at(when), at(when), type, name, channel, "src", null,
        null, null, null, null, null, null, null, null, null, null);
  }

  static Event rated(String id, String user, String when, String name, String props,
      double rating) {
    return new Event(id, null, null, user, at(when), at(when), "survey_response", name, "survey",
        "src", props, null, null, null, null, null, null, null, rating, null, null);
  }

  static Event said(String id, String user, String when, String text, double sentiment,
      List<String> topics) {
    return new Event(id, null, null, user, at(when), at(when), "review", "Review Submitted",
        "review", "src", null, null, null, text, "en", sentiment, "neutral", topics, null, null,
        null);
  }

  static Event bought(String id, String user, String when, double revenue, String currency) {
    return new Event(id, null, null, user, at(when), at(when), "track", "Order Completed", "web",
        "src", null, null, null, null, null, null, null, null, null, revenue, currency);
  }

  private List<Event> shop() {
    List<Event> e = new ArrayList<>();
    e.add(ev("a1", "ann", "2026-05-04T09:00:00Z", "page", "Page Viewed", "web"));
    e.add(ev("a2", "ann", "2026-05-04T09:05:00Z", "identify", "Identify", "web"));
    e.add(bought("a3", "ann", "2026-05-04T09:10:00Z", 52000, "KRW"));
    e.add(ev("b1", "bob", "2026-05-05T10:00:00Z", "screen", "Screen Viewed", "app"));
    e.add(bought("b2", "bob", "2026-05-12T10:00:00Z", 18000, "KRW"));
    e.add(ev("c1", "cho", "2026-05-12T11:00:00Z", "ticket", "Ticket Opened", "call_center"));
    e.add(ev("d1", "dan", "2026-05-13T11:00:00Z", "page", "Page Viewed", "web"));
    e.add(rated("n1", "ann", "2026-05-06T12:00:00Z", "NPS Answered", null, 10));
    e.add(rated("n2", "bob", "2026-05-13T12:00:00Z", "Survey Answered", "{\"survey\":\"NPS\"}", 9));
    e.add(rated("n3", "cho", "2026-05-13T12:30:00Z", "NPS Answered", null, 7));
    e.add(rated("n4", "dan", "2026-05-14T12:30:00Z", "NPS Answered", null, 2));
    e.add(rated("s1", "cho", "2026-05-13T13:00:00Z", "CSAT Answered", null, 2));
    e.add(rated("s2", "ann", "2026-05-07T13:00:00Z", "Survey Answered", "{\"kind\":\"csat\"}", 5));
    e.add(rated("s3", "bob", "2026-05-07T14:00:00Z", "Survey Answered", "{\"kind\":\"ces\"}", 5));
    e.add(said("r1", "cho", "2026-05-12T12:00:00Z", "Delivery was late and nobody called back",
        -0.8, List.of("delivery", "support")));
    e.add(said("r2", "dan", "2026-05-13T12:00:00Z", "Late delivery again", -0.5,
        List.of("delivery")));
    e.add(said("r3", "ann", "2026-05-05T12:00:00Z", "Lovely fabric", 0.9, List.of("quality")));
    e.add(new Event("r4", null, null, "bob", at("2026-05-05T12:00:00Z"),
        at("2026-05-05T12:00:00Z"), "review", "Review Submitted", "review", "src", null, null,
        null, "not yet scored", null, null, null, null, null, null, null));
    return e;
  }

  private OverviewReport report(Period period, Granularity g) {
    try (Store store = Store.open(dir)) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(shop());
      }
      try (Connection c = store.newConnection()) {
        return new Overview(c).report(period, g);
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void report_wholeStore_countsCustomersConversionAndRevenue() {
    OverviewReport r = report(Period.ALL, Granularity.AUTO);
    assertThat(r.customersTotal()).isEqualTo(4);
    assertThat(r.customers()).isEqualTo(4);
    assertThat(r.events()).isEqualTo(18);
    assertThat(r.conversion().buyers()).isEqualTo(2);
    assertThat(r.conversion().orders()).isEqualTo(2);
    assertThat(r.conversion().rate()).isEqualTo(0.5);
    assertThat(r.revenue()).containsExactly(new OverviewReport.Money("KRW", 70000, 2));
    assertThat(r.from()).isEqualTo("2026-05-04");
    assertThat(r.to()).isEqualTo("2026-05-14");
    assertThat(r.granularity()).isEqualTo("day");
  }

  @Test
  void report_npsIsPromotersMinusDetractorsOverAllAnswers() {
    OverviewReport r = report(Period.ALL, Granularity.WEEK);
    // answers 10, 9 (survey=NPS), 7, 2: 2 promoters, 1 passive, 1 detractor -> (2 - 1) / 4
    assertThat(r.nps().responses()).isEqualTo(4);
    assertThat(r.nps().promoters()).isEqualTo(2);
    assertThat(r.nps().passives()).isEqualTo(1);
    assertThat(r.nps().detractors()).isEqualTo(1);
    assertThat(r.nps().score()).isEqualTo(25.0);
    assertThat(r.periods()).containsExactly("2026-05-04", "2026-05-11");
    assertThat(r.npsTrend()).extracting(OverviewReport.NpsPoint::score)
        .containsExactly(100.0, 0.0);
  }

  @Test
  void report_csatTakesOnlyCsatAnswers() {
    OverviewReport r = report(Period.ALL, Granularity.AUTO);
    // CSAT 2 (by name) and 5 (kind=csat); the CES 5 is not CSAT
    assertThat(r.csat().responses()).isEqualTo(2);
    assertThat(r.csat().mean()).isEqualTo(3.5);
    assertThat(r.csat().satisfiedShare()).isEqualTo(0.5);
  }

  @Test
  void report_eventsByChannelLeaveOutIdentifyAndFillEmptyDays() {
    OverviewReport r = report(Period.ALL, Granularity.DAY);
    assertThat(r.periods()).hasSize(11);
    long touchpoints = r.eventsByChannel().stream().mapToLong(OverviewReport.ChannelSeries::total)
        .sum();
    assertThat(touchpoints).isEqualTo(17);
    OverviewReport.ChannelSeries web = r.eventsByChannel().stream()
        .filter(s -> s.channel().equals("web")).findFirst().orElseThrow();
    assertThat(web.counts()).hasSize(11);
    assertThat(web.counts().get(0)).isEqualTo(2); // page + order on 05-04, identify left out
    assertThat(web.counts().get(9)).isEqualTo(1); // 05-13
    assertThat(r.eventsByChannel().get(0).channel()).isEqualTo("survey"); // most events first
  }

  @Test
  void report_painPointsRankNegativeTopicsWithTheirWorstQuote() {
    OverviewReport r = report(Period.ALL, Granularity.AUTO);
    assertThat(r.painPoints()).extracting(OverviewReport.PainPoint::topic)
        .containsExactly("delivery", "support");
    OverviewReport.PainPoint delivery = r.painPoints().get(0);
    assertThat(delivery.mentions()).isEqualTo(2);
    assertThat(delivery.customers()).isEqualTo(2);
    assertThat(delivery.meanSentiment()).isEqualTo(-0.65);
    assertThat(delivery.quote().eventId()).isEqualTo("r1");
    assertThat(delivery.quote().customerId()).isEqualTo("cho");
    assertThat(delivery.quote().text()).isEqualTo("Delivery was late and nobody called back");
    assertThat(r.unscoredTexts()).isEqualTo(1);
  }

  @Test
  void report_periodRestrictsEveryFigure() {
    OverviewReport r = report(new Period(LocalDate.parse("2026-05-11"), null), Granularity.AUTO);
    assertThat(r.customers()).isEqualTo(3); // bob, cho, dan
    assertThat(r.conversion().buyers()).isEqualTo(1);
    assertThat(r.nps().responses()).isEqualTo(3);
    assertThat(r.sentiment()).extracting(OverviewReport.SentimentPoint::texts)
        .containsExactly(0L, 1L, 1L, 0L); // 05-11 asked for, no text; 05-14 the last day
  }

  @Test
  void report_emptyPeriodHasNoSeriesAndNoScores() {
    OverviewReport r = report(Period.parse("2030-01-01", "2030-01-31"), Granularity.AUTO);
    assertThat(r.events()).isZero();
    assertThat(r.periods()).hasSize(31);
    assertThat(r.eventsByChannel()).isEmpty();
    assertThat(r.sentiment()).allSatisfy(p -> assertThat(p.mean()).isNull());
    assertThat(r.nps()).isNull();
    assertThat(r.csat()).isNull();
    assertThat(r.conversion().rate()).isZero();
  }

  @Test
  void parse_badInputNamesTheField() {
    assertThatThrownBy(() -> Period.parse("May 1st", null))
        .isInstanceOf(ItineraException.class).hasMessageContaining("YYYY-MM-DD")
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("from");
    assertThatThrownBy(() -> Period.parse("2026-05-02", "2026-05-01"))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("to");
    assertThatThrownBy(() -> Granularity.parse("hourly"))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("granularity");
  }

  @Test
  void report_profileImportedWithAnOldSignUpDateDoesNotStretchTheSeries() {
    List<Event> events = new ArrayList<>(shop());
    events.add(ev("old", "ann", "2021-03-01T00:00:00Z", "identify", "Profile Imported", "crm"));
    OverviewReport r;
    try (Store store = Store.open(dir)) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(events);
      }
      try (Connection c = store.newConnection()) {
        r = new Overview(c).report(Period.ALL, Granularity.AUTO);
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(r.from()).isEqualTo("2026-05-04");
    assertThat(r.granularity()).isEqualTo("day");
    assertThat(r.events()).isEqualTo(19);
  }
}
