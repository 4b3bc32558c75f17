package org.itinera.overview;

import java.util.List;

/**
 * The overview of a period. Series ({@code eventsByChannel}, {@code sentiment}, {@code npsTrend})
 * are aligned with {@code periods}: index i of each belongs to the bucket starting at
 * {@code periods[i]}.
 *
 * @param from first day of the series: the period's start, or the first day with data when the
 *     period has no start; null when there is neither
 * @param to last day of the series, likewise
 * @param granularity the bucket size used: day, week or month
 * @param customersTotal customers with any event, ever
 * @param nps null when there are no NPS answers in the period
 * @param csat null when there are no CSAT answers in the period
 * @param unscoredTexts customer texts in the period that text analytics has not scored
 */
public record OverviewReport(
    String from,
    String to,
    String granularity,
    long customersTotal,
    long customers,
    long events,
    Conversion conversion,
    List<Money> revenue,
    List<String> periods,
    List<ChannelSeries> eventsByChannel,
    Nps nps,
    List<NpsPoint> npsTrend,
    Csat csat,
    List<SentimentPoint> sentiment,
    long unscoredTexts,
    List<PainPoint> painPoints) {

  public OverviewReport {
    revenue = List.copyOf(revenue);
    periods = List.copyOf(periods);
    eventsByChannel = List.copyOf(eventsByChannel);
    npsTrend = List.copyOf(npsTrend);
    sentiment = List.copyOf(sentiment);
    painPoints = List.copyOf(painPoints);
  }

  /** Customers active in the period who bought in it: {@code rate = buyers / customers}. */
  public record Conversion(long customers, long buyers, long orders, double rate) {}

  public record Money(String currency, double amount, long orders) {}

  /** Events of one channel per bucket, aligned with {@code periods}. */
  public record ChannelSeries(String channel, long total, List<Long> counts) {
    public ChannelSeries {
      counts = List.copyOf(counts);
    }
  }

  /**
   * Net Promoter Score: % promoters (9-10) minus % detractors (0-6), from -100 to 100.
   */
  public record Nps(double score, long responses, long promoters, long passives,
      long detractors) {}

  /** NPS of one bucket; {@code score} is null when the bucket has no answers. */
  public record NpsPoint(String period, Double score, long responses) {}

  /** Mean CSAT on the 1-5 scale and the share of 4s and 5s. */
  public record Csat(double mean, long responses, double satisfiedShare) {}

  /** Sentiment of scored customer texts in one bucket; {@code mean} null when none. */
  public record SentimentPoint(String period, Double mean, long texts, long negative,
      long positive) {}

  /**
   * A topic of negative customer texts, with the most negative of them as a quote.
   *
   * @param mentions negative texts with this topic
   * @param customers distinct customers among them
   */
  public record PainPoint(String topic, long mentions, long customers, double meanSentiment,
      Quote quote) {}

  /** A customer's own words and where they came from (for a link to their journal). */
  public record Quote(String eventId, String customerId, String ts, String channel, String text,
      Double sentiment) {}
}
