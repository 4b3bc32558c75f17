package org.itinera.text.topic;

import java.time.ZoneId;
import java.util.Objects;
import org.itinera.ItineraException;

/**
 * Settings of a topic analysis. {@link #defaults()}: 10 themes, terms used by at least 3
 * customers, z at least 1.96, weekly trend in UTC.
 *
 * @param maxThemes themes returned (1-100)
 * @param minCustomers a term must be used by at least this many customers of the segment (1+)
 * @param minZ a term's log-odds z-score against the reference must reach this (0+)
 * @param maxTermsPerTheme terms kept per theme (1-20)
 * @param granularity trend buckets
 * @param zone time zone of the trend buckets
 */
public record TopicOptions(int maxThemes, int minCustomers, double minZ, int maxTermsPerTheme,
    Granularity granularity, ZoneId zone) {
  /** Trend bucket size. */
  public enum Granularity { DAY, WEEK, MONTH }

  public TopicOptions {
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(zone, "zone");
    if (maxThemes < 1 || maxThemes > 100) {
      throw ItineraException.invalid("maxThemes", "maxThemes was " + maxThemes + "; expected 1-100");
    }
    if (minCustomers < 1) {
      throw ItineraException.invalid("minCustomers",
          "minCustomers was " + minCustomers + "; expected 1 or more");
    }
    if (!(minZ >= 0)) {
      throw ItineraException.invalid("minZ", "minZ was " + minZ + "; expected 0 or more");
    }
    if (maxTermsPerTheme < 1 || maxTermsPerTheme > 20) {
      throw ItineraException.invalid("maxTermsPerTheme",
          "maxTermsPerTheme was " + maxTermsPerTheme + "; expected 1-20");
    }
  }

  public static TopicOptions defaults() {
    return new TopicOptions(10, 3, 1.96, 5, Granularity.WEEK, ZoneId.of("UTC"));
  }

  public TopicOptions withMinCustomers(int n) {
    return new TopicOptions(maxThemes, n, minZ, maxTermsPerTheme, granularity, zone);
  }

  public TopicOptions withGranularity(Granularity g) {
    return new TopicOptions(maxThemes, minCustomers, minZ, maxTermsPerTheme, g, zone);
  }
}
