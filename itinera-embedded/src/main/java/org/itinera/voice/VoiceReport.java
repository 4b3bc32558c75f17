package org.itinera.voice;

import java.util.List;

/**
 * What customers said, for the texts a {@link VoiceQuery} selects.
 *
 * @param texts customer texts selected (scored or not); also the number of quotes in all pages
 * @param scored those of them that text analytics has scored
 * @param meanSentiment mean over the scored texts, null when none
 * @param stages texts per journey stage, in journey order (empty without a journey model)
 * @param themes topics, most mentioned first (at most {@link VoiceOfCustomer#MAX_THEMES})
 * @param quotes one page of the texts, in the query's sort order
 */
public record VoiceReport(long texts, long scored, long negative, long neutral, long positive,
    Double meanSentiment, List<Facet> emotions, List<Facet> channels, List<Facet> stages,
    List<Theme> themes,
    int offset, int limit, List<Quote> quotes) {
  public VoiceReport {
    emotions = List.copyOf(emotions);
    channels = List.copyOf(channels);
    stages = List.copyOf(stages);
    themes = List.copyOf(themes);
    quotes = List.copyOf(quotes);
  }

  /** A value of a dimension (emotion, channel, stage) with its number of texts and mean sentiment. */
  public record Facet(String value, long texts, Double meanSentiment) {}

  /**
   * A topic.
   *
   * @param negativeShare share of its mentions that are negative texts
   */
  public record Theme(String topic, long mentions, long customers, Double meanSentiment,
      double negativeShare) {}

  /** One customer text with where it came from and what text analytics found in it. */
  public record Quote(String eventId, String customerId, String ts, String type, String name,
      String channel, String text, String lang, Double sentiment, String emotion, Double rating,
      List<String> topics) {
    public Quote {
      topics = List.copyOf(topics);
    }
  }
}
