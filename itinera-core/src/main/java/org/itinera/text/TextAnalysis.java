package org.itinera.text;

import java.util.List;
import java.util.Objects;

/**
 * What text analytics found in one text.
 *
 * @param lang the language
 * @param score sentiment in [-1, 1]: P(positive) - P(negative)
 * @param label the most probable of negative / neutral / positive
 * @param emotion the emotion category, see {@link Emotion}
 * @param topics key phrases: Korean nouns and noun+predicate phrases ("배송 느리다"), English
 *     noun-like phrases, in order of appearance, at most {@link TextAnalyzer#MAX_TOPICS}
 */
public record TextAnalysis(
    Lang lang, double score, SentimentLabel label, Emotion emotion, List<String> topics) {
  public TextAnalysis {
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(emotion, "emotion");
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
    }
    topics = List.copyOf(topics);
  }
}
