package org.itinera.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJournalsTest {
  @TempDir Path dir;
  static final long T0 = 1_777_777_777_000L;
  static final long H = 3_600_000L;

  static Event ev(String id, String anon, String user, long ts, String type, String name,
      String channel, String traits, String text, Double sentiment, Double revenue) {
    return new Event(id, null, anon, user, ts, ts, type, name, channel, "src", null, null,
        traits, text, text == null ? null : "en", sentiment, null, null, null, revenue,
        revenue == null ? null : "USD");
  }

  @Test
  void journal_stitchesWebAppAndTicketIdsIntoOneTimeline() {
    try (Store store = Store.open(dir); Ingestor ing = Ingestor.open(store)) {
      ing.ingest(List.of(
          ev("w1", "web-anon", null, T0, "page", "Page Viewed", "web", null, null, null, null),
          ev("a1", "device-1", null, T0 + H, "screen", "Screen Viewed", "app", null, null, null,
              null)));
      ing.ingest(List.of(
          ev("i1", "web-anon", "u-7", T0 + 2 * H, "identify", "Identify", "web",
              "{\"email\":\"kim@example.com\"}", null, null, null),
          ev("i2", "device-1", "u-7", T0 + 3 * H, "identify", "Identify", "app", null, null,
              null, null),
          ev("o1", null, "u-7", T0 + 4 * H, "track", "Order Completed", "app", null, null, null,
              25.0)));
      ing.ingest(List.of(ev("t1", "zendesk-55", null, T0 + 30 * H, "identify", "Identify",
          "call_center", "{\"email\":\"KIM@example.com\"}", null, null, null),
          ev("t2", "zendesk-55", null, T0 + 31 * H, "ticket", "Ticket Opened", "call_center",
              null, "The parcel arrived broken. Not happy!", -0.7, null)));

      for (String anyId : List.of("u-7", "web-anon", "device-1", "kim@example.com",
          "zendesk-55")) {
        Journal j = new StoredJournals(store.connection(), StageOf.NONE).journal(anyId, Lang.EN);
        assertThat(j.profile().customerId()).isEqualTo("u-7");
        assertThat(j.eventCount()).isEqualTo(7);
      }
      Journal j = new StoredJournals(store.connection(), StageOf.NONE).journal("u-7", Lang.EN);
      List<String> order = j.timeline().stream().flatMap(e -> e.entries().stream())
          .map(Entry::eventId).toList();
      assertThat(order).containsExactly("w1", "a1", "i1", "i2", "o1", "t1", "t2");
      String story = j.story().stream().map(StorySentence::text).collect(Collectors.joining(" "));
      assertThat(story).contains("“The parcel arrived broken. Not happy!”", "$25.00");
      assertThat(j.profile().channels()).contains("web", "app", "call_center");
    }
  }

  @Test
  void journal_unknownCustomerIsNotFound() {
    try (Store store = Store.open(dir)) {
      assertThatThrownBy(() -> new StoredJournals(store.connection(), StageOf.NONE)
          .journal("nobody", Lang.KO))
          .isInstanceOf(ItineraException.class)
          .hasMessageContaining("nobody");
    }
  }
}
