package org.itinera.text.topic;

import java.util.List;
import java.util.Objects;

/**
 * One text for topic analysis.
 *
 * @param customerId who wrote it
 * @param text the words, as quoted back in themes
 * @param ts when, UTC epoch milliseconds (for the trend)
 * @param outcome the writer's outcome (converted, churned, ...), or null when unknown
 * @param sentiment score in [-1, 1] if already known (the stored column), else null to compute
 * @param phrases key phrases if already known (the stored {@code topics}), else null to compute
 */
public record TextDoc(String customerId, String text, long ts, Boolean outcome, Double sentiment,
    List<String> phrases) {
  public TextDoc {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(text, "text");
    if (sentiment != null && !(sentiment >= -1 && sentiment <= 1)) {
      throw new IllegalArgumentException("sentiment must be in [-1, 1], was " + sentiment);
    }
    phrases = phrases == null ? null : List.copyOf(phrases);
  }

  /** A text whose sentiment and phrases are computed by the analysis. */
  public static TextDoc of(String customerId, String text, long ts, Boolean outcome) {
    return new TextDoc(customerId, text, ts, outcome, null, null);
  }
}
