package org.itinera.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.itinera.event.Event;
import org.junit.jupiter.api.Test;

class JournalBuilderTest {
  static final long DAY = 86_400_000L;
  static final long T0 = Instant.parse("2026-05-03T09:00:00Z").toEpochMilli();

  static Event ev(String id, long ts, String type, String name, String channel, String props,
      String text, Double sentiment, Double rating, Double revenue) {
    return new Event(id, "c1", "a1", "u1", ts, ts, type, name, channel, "s", props, null, null,
        text, text == null ? null : "ko", sentiment, null, null, rating, revenue,
        revenue == null ? null : "KRW");
  }

  /** Ad click, browsing, a purchase, a delivery complaint, a resolved ticket, a second order. */
  static List<Event> journey() {
    List<Event> e = new ArrayList<>();
    e.add(ev("e1", T0, "track", "Ad Clicked", "ads", null, null, null, null, null));
    e.add(ev("e2", T0 + 60_000, "page", "Page Viewed", "web", null, null, null, null, null));
    e.add(ev("e3", T0 + DAY, "track", "Product Viewed", "app", null, null, null, null, null));
    e.add(ev("e4", T0 + 2 * DAY, "track", "Order Completed", "app", null, null, null, null,
        39_000.0));
    e.add(ev("e5", T0 + 5 * DAY, "ticket", "Ticket Opened", "call_center",
        "{\"ticket_id\":\"T-9\"}", "배송이 일주일째 안 와요 ㅠㅠ 너무하네요", -0.8, null, null));
    e.add(ev("e6", T0 + 5 * DAY + 3 * 3_600_000L, "ticket", "Ticket Resolved", "call_center",
        "{\"ticket_id\":\"T-9\",\"status\":\"resolved\"}", null, null, null, null));
    e.add(ev("e7", T0 + 20 * DAY, "track", "Order Completed", "web", null, null, null, null,
        12_500.0));
    e.add(ev("e8", T0 + 21 * DAY, "survey_response", "NPS Answered", "survey",
        "{\"survey\":\"nps\"}", null, null, 9.0, null));
    return e;
  }

  @Test
  void build_englishStoryStatesTheFactsAndQuotesVerbatim() {
    Journal j = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", journey(), Map.of("region", "Seoul"), null, Lang.EN, T0 + 22 * DAY);
    String story = j.story().stream().map(StorySentence::text).collect(Collectors.joining(" "));
    assertThat(story).contains("3 May 2026", "an ad (Ad Clicked)");
    assertThat(story).contains("2 orders in all, ₩51,500 in total");
    assertThat(story).contains("“배송이 일주일째 안 와요 ㅠㅠ 너무하네요”");
    assertThat(story).contains("resolved 3 hours after");
    assertThat(story).contains("came back and bought again on 23 May 2026");
    assertThat(story).contains("9 out of 10", "promoter");
    assertThat(story).doesNotContain("have not been back");
    assertThat(j.profile().lifetimeValue()).isEqualTo(51_500.0);
    assertThat(j.profile().orders()).isEqualTo(2);
    assertThat(j.profile().flags()).isEmpty();
  }

  @Test
  void build_koreanStoryUsesKoreanDatesMoneyAndParticles() {
    Journal j = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", journey(), Map.of(), null, Lang.KO, T0 + 22 * DAY);
    String story = j.story().stream().map(StorySentence::text).collect(Collectors.joining(" "));
    assertThat(story).contains("2026년 5월 3일에 광고를 통해 처음");
    assertThat(story).contains("총 51,500원을 썼습니다");
    assertThat(story).contains("“배송이 일주일째 안 와요 ㅠㅠ 너무하네요”");
    assertThat(story).contains("콜센터 문의는 접수 후 3시간 만에 해결되었습니다");
    assertThat(story).contains("10점 만점에 9점", "추천 고객");
  }

  @Test
  void build_everySentenceNamesOnlyEventsOfTheCustomer() {
    List<Event> events = journey();
    Set<String> ids = events.stream().map(Event::eventId).collect(Collectors.toSet());
    Journal j = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", events, Map.of(), null, Lang.EN, T0 + 100 * DAY);
    assertThat(j.story()).isNotEmpty();
    for (StorySentence s : j.story()) {
      assertThat(s.eventIds()).isNotEmpty().allMatch(ids::contains);
    }
    assertThat(j.profile().flags()).containsExactly("inactive");
    assertThat(j.story().get(j.story().size() - 1).text())
        .isEqualTo("They have not been back since 24 May 2026.");
  }

  @Test
  void build_timelineSplitsEpisodesOnSilenceAndMarksStageChanges() {
    StageOf stages = e -> e.name().equals("Order Completed") ? "purchase"
        : e.channel().equals("ads") ? "awareness" : null;
    Journal j = new JournalBuilder(stages, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", journey(), Map.of(), null, Lang.EN, T0 + 22 * DAY);
    assertThat(j.timeline()).hasSize(7);
    assertThat(j.timeline().get(0).entries()).extracting(Entry::eventId)
        .containsExactly("e1", "e2");
    assertThat(j.timeline().get(0).channels()).containsExactly("ads", "web");
    List<String> entered = j.timeline().stream().flatMap(ep -> ep.entries().stream())
        .filter(en -> en.stageEntered() != null).map(Entry::eventId).toList();
    assertThat(entered).containsExactly("e1", "e4");
    assertThat(j.profile().currentStage()).isEqualTo("purchase");
    Entry resolved = j.timeline().stream().flatMap(ep -> ep.entries().stream())
        .filter(en -> en.eventId().equals("e6")).findFirst().orElseThrow();
    assertThat(resolved.resolutionMinutes()).isEqualTo(180);
  }

  @Test
  void build_openNegativeTicketAndAbandonedCheckoutAreFlagged() {
    List<Event> e = new ArrayList<>();
    e.add(ev("x1", T0, "track", "Checkout Started", "web", null, null, null, null, null));
    e.add(ev("x2", T0 + DAY, "ticket", "Ticket Opened", "chat", "{\"ticket_id\":\"7\"}",
        "Payment failed twice, I'm done", -0.9, null, null));
    Journal j = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", e, Map.of(), null, Lang.EN, T0 + 2 * DAY);
    assertThat(j.profile().flags())
        .containsExactlyInAnyOrder("unresolved_negative_ticket", "checkout_drop_off");
    assertThat(j.story()).extracting(StorySentence::text)
        .anyMatch(s -> s.contains("started checkout but did not complete"))
        .anyMatch(s -> s.contains("still unresolved"))
        .anyMatch(s -> s.contains("without buying"));
  }

  @Test
  void build_noEventsMeansNoStory() {
    Journal j = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", List.of(), Map.of(), null, Lang.EN, T0);
    assertThat(j.story()).isEmpty();
    assertThat(j.timeline()).isEmpty();
  }

  @Test
  void build_manyUnresolvedTicketsMakeOneSentenceCitingEach() {
    List<Event> e = new ArrayList<>(journey());
    for (int i = 0; i < 4; i++) {
      e.add(ev("u" + i, T0 + (30 + i) * DAY, "ticket", "Ticket Opened", "chat",
          "{\"ticket_id\":\"T-" + (100 + i) + "\"}", "아직도 환불이 안 됐어요 " + i, -0.6, null,
          null));
    }
    Journal en = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", e, Map.of(), null, Lang.EN, T0 + 40 * DAY);
    List<StorySentence> open = en.story().stream()
        .filter(s -> s.text().contains("still unresolved")).toList();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).text()).isEqualTo("4 tickets they opened between 2 June 2026 and"
        + " 5 June 2026 are still unresolved.");
    assertThat(open.get(0).eventIds()).containsExactly("u0", "u1", "u2", "u3");
    Journal ko = new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build("c1", e, Map.of(), null, Lang.KO, T0 + 40 * DAY);
    assertThat(ko.story().stream().map(StorySentence::text).toList())
        .contains("2026년 6월 2일부터 2026년 6월 5일까지 접수한 문의 4건이 아직 해결되지 않았습니다.");
  }
}
