package org.itinera.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeforeAfterTest {
  @TempDir Path dir;
  static final long DAY = 86_400_000L;
  static final long SHIP = 1_780_000_000_000L;

  static Event ev(String id, String user, long ts, String type, String name, String props,
      String text, Double sentiment, Double rating, Double revenue) {
    return new Event(id, null, null, user, ts, ts, type, name, "web", "s", props, null, null,
        text, null, sentiment, null, text == null ? null : List.of("delivery"), rating, revenue,
        revenue == null ? null : "KRW");
  }

  @Test
  void compare_measuresEachWindowFromTheData() {
    List<Event> events = new ArrayList<>();
    // Before: 4 customers, 1 buys, 2 of 3 texts negative, one ticket resolved in 10 h, NPS 0 and 10.
    for (int i = 0; i < 4; i++) {
      events.add(ev("b-v" + i, "c" + i, SHIP - 5 * DAY, "page", "Page Viewed", null, null, null,
          null, null));
    }
    events.add(ev("b-o", "c0", SHIP - 4 * DAY, "track", "Order Completed", null, null, null,
        null, 10_000.0));
    events.add(ev("b-t1", "c1", SHIP - 3 * DAY, "ticket", "Ticket Opened",
        "{\"ticket_id\":\"A\"}", "late again", -0.8, null, null));
    events.add(ev("b-t2", "c1", SHIP - 3 * DAY + 10 * 3_600_000L, "ticket", "Ticket Resolved",
        "{\"ticket_id\":\"A\"}", null, null, null, null));
    events.add(ev("b-x1", "c2", SHIP - 2 * DAY, "review", "Review", null, "awful", -0.9, 1.0,
        null));
    events.add(ev("b-x2", "c3", SHIP - 2 * DAY, "review", "Review", null, "fine", 0.5, 4.0,
        null));
    events.add(ev("b-n1", "c2", SHIP - DAY, "survey_response", "NPS Answered", null, null, null,
        0.0, null));
    events.add(ev("b-n2", "c3", SHIP - DAY, "survey_response", "NPS Answered", null, null, null,
        10.0, null));
    // After: 2 customers, both buy, the one text is positive.
    events.add(ev("a-o1", "c0", SHIP + DAY, "track", "Order Completed", null, null, null, null,
        20_000.0));
    events.add(ev("a-o2", "c4", SHIP + 2 * DAY, "track", "Order Completed", null, null, null,
        null, 5_000.0));
    events.add(ev("a-x", "c4", SHIP + 3 * DAY, "review", "Review", null, "great now", 0.9, 5.0,
        null));
    try (Store store = Store.open(dir)) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(events);
      }
      Comparison c = new BeforeAfter(store.connection())
          .compare(SHIP, 7 * DAY, null, null, null, "delivery");
      assertThat(c.before().activeCustomers()).isEqualTo(4);
      assertThat(c.before().conversion()).isCloseTo(0.25, within(1e-9));
      assertThat(c.before().shareNegative()).isCloseTo(2 / 3.0, within(1e-9));
      assertThat(c.before().medianResolutionHours()).isCloseTo(10.0, within(1e-9));
      assertThat(c.before().nps()).isCloseTo(0.0, within(1e-9));
      assertThat(c.before().topicMentions()).isEqualTo(3);
      assertThat(c.after().activeCustomers()).isEqualTo(2);
      assertThat(c.after().conversion()).isCloseTo(1.0, within(1e-9));
      assertThat(c.after().revenue()).isEqualTo(25_000.0);
      assertThat(c.after().shareNegative()).isCloseTo(0.0, within(1e-9));
      assertThat(c.after().nps()).isNull();
      assertThat(c.change().get("conversion")).isCloseTo(0.75, within(1e-9));
      assertThat(c.change()).doesNotContainKey("nps");

      Comparison one = new BeforeAfter(store.connection())
          .compare(SHIP, 7 * DAY, null, null, List.of("c0"), null);
      assertThat(one.before().orders()).isEqualTo(1);
      assertThat(one.after().revenue()).isEqualTo(20_000.0);
    }
  }
}
