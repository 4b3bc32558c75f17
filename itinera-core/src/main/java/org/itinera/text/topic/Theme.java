package org.itinera.text.topic;

import java.util.List;
import java.util.Objects;

/**
 * One theme of a segment's texts.
 *
 * @param name its top terms joined by " · "
 * @param terms the terms grouped into it, most distinctive first
 * @param customers customers of the segment who mention it
 * @param documents texts that mention it
 * @param shareOfCustomers customers mentioning it / customers of the segment
 * @param shareNegative of the texts mentioning it, the share that is negative
 * @param painLowerBound Wilson 95% lower bound of (customers mentioning it in a negative text /
 *     customers of the segment): the rank key, so that rare terms cannot dominate
 * @param trend texts mentioning it per period, oldest first
 * @param outcome how the outcome differs between customers who mention it and who do not; null
 *     when no text of the segment has a known outcome
 * @param quotes up to three representative texts from different customers
 */
public record Theme(String name, List<String> terms, int customers, int documents,
    double shareOfCustomers, double shareNegative, double painLowerBound, List<Period> trend,
    OutcomeAssociation outcome, List<Quote> quotes) {
  public Theme {
    Objects.requireNonNull(name, "name");
    terms = List.copyOf(terms);
    trend = List.copyOf(trend);
    quotes = List.copyOf(quotes);
  }

  /**
   * Mentions in one period.
   *
   * @param start first day of the period, ISO-8601 ({@code 2024-03-04}); a string so that the
   *     record serialises to JSON as it is
   * @param documents texts of the segment in the period that mention the theme
   * @param share those texts / all texts of the segment in the period
   */
  public record Period(String start, int documents, double share) {}

  /**
   * Outcome rates of mentioning and non-mentioning customers (each customer counted once).
   *
   * @param mentioning customers with a known outcome who mention the theme
   * @param rateMentioning their outcome rate
   * @param others customers with a known outcome who do not
   * @param rateOthers their outcome rate
   * @param difference rateMentioning - rateOthers
   * @param z two-proportion z statistic of the difference (|z| > 1.96: unlikely by chance)
   */
  public record OutcomeAssociation(int mentioning, double rateMentioning, int others,
      double rateOthers, double difference, double z) {}

  /** A representative text. */
  public record Quote(String customerId, String text, double sentiment, long ts) {}
}
