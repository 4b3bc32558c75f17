package org.itinera.overview;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.itinera.ItineraException;

/** The bucket size of an overview's time series. Weeks start on Monday (ISO, as DuckDB). */
public enum Granularity {
  DAY("date_trunc('day', ts)"),
  WEEK("date_trunc('week', ts)"),
  MONTH("date_trunc('month', ts)"),
  /** Days for up to {@value #AUTO_DAYS} days of data, weeks up to two years, then months. */
  AUTO(null);

  static final int AUTO_DAYS = 31;

  /** The SQL expression of an event's bucket: a fixed text per constant, never user input. */
  final String sqlBucket;

  Granularity(String sqlBucket) {
    this.sqlBucket = sqlBucket;
  }

  public static Granularity parse(String s) {
    if (s == null || s.isBlank()) {
      return AUTO;
    }
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ItineraException.invalid("granularity", "'" + s
          + "' is not a granularity; expected day, week, month or auto");
    }
  }

  /** This granularity, with AUTO decided by the number of days the data spans. */
  Granularity resolve(LocalDate first, LocalDate last) {
    if (this != AUTO) {
      return this;
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    return days <= AUTO_DAYS ? DAY : days <= 730 ? WEEK : MONTH;
  }

  LocalDate bucketOf(LocalDate day) {
    return switch (this) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      default -> day;
    };
  }

  LocalDate next(LocalDate bucket) {
    return switch (this) {
      case WEEK -> bucket.plusWeeks(1);
      case MONTH -> bucket.plusMonths(1);
      default -> bucket.plusDays(1);
    };
  }
}
