package org.itinera.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.itinera.event.Event;
import org.itinera.store.TestShop;
import org.itinera.text.LabelledText;
import org.itinera.text.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatedTextsTest {
  @TempDir Path dir;

  private static Event rated(String id, String type, String name, String properties,
      String text, Double rating) {
    long ts = TestShop.at("2026-05-01T09:00:00Z");
    return new Event(id, null, null, "u-" + id, ts, ts, type, name, "survey", "src", properties,
        null, null, text, null, null, null, null, rating, null, null);
  }

  @Test
  void read_labelsStarsCsatAndNpsAndSkipsUnknownScales() {
    List<Event> events = List.of(
        rated("r5", "review", "Review Submitted", null, "Love it", 5.0),
        rated("r2", "review", "Product Reviewed", null, "Broke in a day", 2.0),
        rated("n3", "survey_response", "Survey Answered", "{\"survey\":\"nps\"}", "Too slow",
            3.0),
        rated("n9", "survey_response", "NPS Submitted", null, "Great", 9.0),
        rated("c3", "survey_response", "Survey Answered", "{\"survey\":\"csat\"}", "It was ok",
            3.0),
        rated("e6", "survey_response", "Survey Answered", "{\"survey\":\"ces\"}", "Hard work",
            6.0),
        rated("e2", "survey_response", "Survey Answered", "{\"survey\":\"ces\"}", "Easy", 2.0),
        rated("x", "review", "Review Submitted", null, null, 4.0),
        rated("y", "review", "Review Submitted", null, "No rating", null));
    RatedTexts r = TestShop.query(dir, events, RatedTexts::read);
    assertThat(r.texts()).extracting(LabelledText::text)
        .containsExactly("Love it", "Broke in a day", "Too slow", "Great", "It was ok");
    assertThat(r.texts()).extracting(LabelledText::label).containsExactly(
        SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE, SentimentLabel.NEGATIVE,
        SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL);
    assertThat(r.stars()).isEqualTo(3);
    assertThat(r.nps()).isEqualTo(2);
    assertThat(r.skipped()).isEqualTo(2);
  }
}
