package org.itinera.journeymap;

/**
 * Sentiment of the events that carry a score.
 *
 * @param scored events with a sentiment score
 * @param meanSentiment their mean score in [-1, 1]; null when none is scored
 * @param shareNegative the share scoring at most {@value #NEGATIVE_AT_MOST}; null when none is
 *     scored
 */
public record Emotion(long scored, Double meanSentiment, Double shareNegative) {
  /** Scores above this and below its opposite are the usual neutral band. */
  public static final double NEGATIVE_AT_MOST = -0.05;
}
