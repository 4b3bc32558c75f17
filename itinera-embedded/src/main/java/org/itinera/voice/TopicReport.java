package org.itinera.voice;

import java.util.List;
import org.itinera.text.topic.Theme;

/**
 * The themes of a segment's texts, ranked as pain points (see docs/TEXT.md).
 *
 * @param stage the journey stage the texts were limited to, or null
 * @param outcome {@code conversion} or {@code churn}: what each theme's {@code outcome} compares
 * @param outcomeDefinition that outcome in words, with the goals or the inactivity it used
 * @param texts texts of the segment
 * @param customers customers who wrote them
 * @param customersWithOutcome of them, those whose outcome is known (churn: unknown while a
 *     customer's first text is more recent than the churn window)
 * @param outcomeRate share of those with the outcome; null when none is known
 * @param themes pain points, highest lower bound first
 */
public record TopicReport(String stage, String outcome, String outcomeDefinition, int texts,
    int customers, int customersWithOutcome, Double outcomeRate, List<Theme> themes) {
  public TopicReport {
    themes = List.copyOf(themes);
  }
}
