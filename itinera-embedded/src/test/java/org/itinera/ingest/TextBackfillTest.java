package org.itinera.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.store.Store;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextBackfillTest {
  private static final String[] TEXTS = {"배송이 너무 늦어요 짜증나", "Thank you, great service!",
      "환불 언제 되나요? 걱정돼요", "The app keeps crashing, very disappointed", "좋아요 최고예요",
      "Merci beaucoup", "주문 번호 1234 확인 부탁드립니다"};

  @TempDir Path dir;

  private List<Event> events() {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < TEXTS.length; i++) {
      out.add(new Event("t" + i, null, null, "u" + i, 1_700_000_000_000L + i, 1_700_000_000_000L,
          "ticket", "Ticket Opened", "chat", "src", null, null, null, TEXTS[i], null, null, null,
          null, null, null, null));
      out.add(new Event("p" + i, null, null, "u" + i, 1_700_000_100_000L + i, 1_700_000_000_000L,
          "track", "Page Viewed", "web", "src", null, null, null, null, null, null, null, null,
          null, null, null));
    }
    return out;
  }

  @Test
  void run_scoresEveryTextLikeIngestAndASecondRunChangesNothing() throws SQLException {
    TextAnalyzer analyzer = TextAnalyzer.load();
    try (Store store = Store.open(dir)) {
      try (Ingestor ing = Ingestor.open(store)) {
        ing.ingest(events());
      }
      List<long[]> progress = new ArrayList<>();
      TextBackfill.Result first = new TextBackfill(store, analyzer::enrich, 3)
          .run((done, total, changed) -> progress.add(new long[] {done, total, changed}));
      assertThat(first.texts()).isEqualTo(TEXTS.length);
      assertThat(first.changed()).isEqualTo(TEXTS.length);
      assertThat(progress).extracting(p -> p[0]).containsExactly(3L, 6L, 7L);
      assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(TEXTS.length));
      try (Connection c = store.newConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT event_id, text, lang, sentiment, emotion, topics"
              + " FROM events ORDER BY event_id")) {
        int texts = 0;
        while (rs.next()) {
          if (rs.getString(2) == null) {
            assertThat(rs.getString(3)).as(rs.getString(1)).isNull();
            assertThat(rs.getObject(4)).as(rs.getString(1)).isNull();
            continue;
          }
          texts++;
          TextAnalysis a = analyzer.analyze(rs.getString(2));
          assertThat(rs.getString(3)).isEqualTo(a.lang().code());
          assertThat(rs.getDouble(4)).isEqualTo(a.score());
          assertThat(rs.getString(5)).isEqualTo(a.emotion().code());
          List<String> topics = rs.getArray(6) == null ? List.of()
              : Arrays.stream((Object[]) rs.getArray(6).getArray()).map(Object::toString).toList();
          assertThat(topics).isEqualTo(a.topics());
        }
        assertThat(texts).isEqualTo(TEXTS.length);
      }
      TextBackfill.Result again = new TextBackfill(store, analyzer::enrich, 1000)
          .run(TextBackfill.Progress.NONE);
      assertThat(again.texts()).isEqualTo(TEXTS.length);
      assertThat(again.changed()).isZero();
    }
  }

  @Test
  void run_afterAModelChangeRewritesOnlyWhatChanged() {
    TextAnalyzer analyzer = TextAnalyzer.load();
    try (Store store = Store.open(dir)) {
      try (Ingestor ing = Ingestor.open(store, analyzer::enrich)) {
        ing.ingest(events());
      }
      // another "model": calls every English text neutral and leaves the others as they were
      TextEnricher englishNeutral = e -> {
        Event scored = analyzer.enrich(e);
        return "en".equals(scored.lang())
            ? scored.withTextAnalysis("en", 0.0, "neutral", scored.topics()) : scored;
      };
      TextBackfill.Result r = new TextBackfill(store, englishNeutral, 2)
          .run(TextBackfill.Progress.NONE);
      assertThat(r.texts()).isEqualTo(TEXTS.length);
      long english = Arrays.stream(TEXTS).map(analyzer::analyze)
          .filter(a -> a.lang().code().equals("en")
              && (a.score() != 0 || !a.emotion().code().equals("neutral")))
          .count();
      assertThat(english).isBetween(2L, (long) TEXTS.length - 1);
      assertThat(r.changed()).isEqualTo(english);
    }
  }

  @Test
  void new_refusesAReadOnlyStore() {
    Store.open(dir).close();
    try (Store store = Store.openReadOnly(dir)) {
      assertThatThrownBy(() -> new TextBackfill(store, TextEnricher.NONE, 10))
          .isInstanceOf(ItineraException.class).hasMessageContaining("read-only");
    }
  }
}
