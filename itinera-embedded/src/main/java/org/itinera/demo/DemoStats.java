package org.itinera.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What one generation run produced, counted while it streamed: volumes, and the observed values
 * of every planted truth (which the tests recompute independently from the emitted data). Rates
 * are derived from the counts; a rate with a zero denominator is NaN.
 *
 * @param events counts by event: track messages by event name, pages as {@code page:<name>},
 *     screens as {@code screen:<name>}, and {@code identify}
 * @param rows counts by file name (customers.csv, orders.csv, ...)
 * @param ordersByMonth orders per calendar month in Seoul ({@code 2025-03}), all channels
 */
public record DemoStats(
    long customers,
    long messages,
    Map<String, Long> rows,
    Map<String, Long> events,
    Map<String, Long> channels,
    Map<String, Long> personas,
    Identity identity,
    Map<String, Pain> painPoints,
    Checkout checkout,
    Map<String, Arm> experiment,
    AppCrashes appCrashes,
    Delivery delivery,
    Support support,
    Map<String, Long> ordersByMonth,
    Map<String, Long> revenueByMonth) {

  public DemoStats {
    rows = Map.copyOf(rows);
    events = Map.copyOf(events);
    channels = Map.copyOf(channels);
    personas = Map.copyOf(personas);
    painPoints = Map.copyOf(painPoints);
    experiment = Map.copyOf(experiment);
    ordersByMonth = Map.copyOf(ordersByMonth);
    revenueByMonth = Map.copyOf(revenueByMonth);
  }

  /** Who the customers are to identity resolution. */
  public record Identity(long signedUp, long existing, long anonymousOnly,
      long anonymousBeforeSignUp, long multiDevice, long churned) {}

  /** A pain point's occurrences and the number of distinct customers it hit. */
  public record Pain(long occurrences, long customers) {}

  /** Checkout completion with and without the payment error. */
  public record Checkout(long started, long withError, long completedWithError, long completedWithoutError) {
    @JsonProperty
    public double completionWithError() {
      return (double) completedWithError / withError;
    }

    @JsonProperty
    public double completionWithoutError() {
      return (double) completedWithoutError / (started - withError);
    }
  }

  /** One arm of the checkout experiment. */
  public record Arm(long checkouts, long completed) {
    @JsonProperty
    public double completion() {
      return (double) completed / checkouts;
    }
  }

  /** App sessions and crashes before and after the improvement. */
  public record AppCrashes(long sessionsBefore, long crashesBefore, long sessionsAfter, long crashesAfter) {
    @JsonProperty
    public double rateBefore() {
      return (double) crashesBefore / sessionsBefore;
    }

    @JsonProperty
    public double rateAfter() {
      return (double) crashesAfter / sessionsAfter;
    }
  }

  /**
   * Deliveries, and repeat purchase within 90 days after the delivery of each customer's first
   * delivered order (deliveries at least 90 days before the window's end only, so every one has
   * a full 90 days to repeat).
   */
  public record Delivery(long delivered, long late, long firstOnTime, long firstOnTimeRepeat,
      long firstLate, long firstLateRepeat, long refunds, long refundHassles) {
    @JsonProperty
    public double repeatAfterOnTime() {
      return (double) firstOnTimeRepeat / firstOnTime;
    }

    @JsonProperty
    public double repeatAfterLate() {
      return (double) firstLateRepeat / firstLate;
    }
  }

  /** Tickets and how many met a rude agent. */
  public record Support(long tickets, long rude) {}
}
