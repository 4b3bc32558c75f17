package org.itinera.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Time for the demo: the window [start, end) in epoch milliseconds (days begin at midnight in
 * Seoul), the planted seasonality and the sampling of visit times that follows it.
 *
 * <p>Visits are a Poisson process thinned by the seasonal intensity (month x weekday x hour of
 * day, each normalised to mean 1): candidates arrive at the peak rate and are kept with
 * probability intensity / peak. So a customer's expected visits per day are exactly proportional
 * to the intensity, which is what makes the planted seasonality recoverable from the data.
 */
final class Clock {
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;
  static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);
  private static final long SEOUL_OFFSET = 9 * HOUR;

  /** Relative activity by calendar month (January first), mean 1. */
  static final double[] MONTH = normalise(new double[] {
      0.95, 0.85, 0.95, 0.95, 1.05, 0.90, 0.85, 0.90, 1.05, 0.95, 1.45, 1.20});
  /** Relative activity by weekday (Monday first), mean 1. */
  static final double[] WEEKDAY = normalise(new double[] {1.0, 0.97, 0.96, 0.99, 0.95, 1.06, 1.12});
  /** Relative activity by hour of day in Seoul, mean 1: a lunch bump and a late-evening peak. */
  static final double[] HOUR_OF_DAY = normalise(new double[] {
      0.9, 0.5, 0.3, 0.2, 0.15, 0.15, 0.3, 0.6, 0.9, 1.0, 1.1, 1.2,
      1.4, 1.3, 1.1, 1.0, 1.0, 1.0, 1.1, 1.3, 1.5, 1.7, 1.6, 1.3});

  final long start;
  final long end;
  final int days;
  private final double[] dayWeight;
  private final double peakDay;
  private final double peakHour;

  Clock(LocalDate startDate, int days) {
    this.start = startDate.atStartOfDay().toInstant(SEOUL).toEpochMilli();
    this.days = days;
    this.end = start + days * DAY;
    this.dayWeight = new double[days];
    double peak = 0;
    for (int i = 0; i < days; i++) {
      LocalDate d = startDate.plusDays(i);
      dayWeight[i] = MONTH[d.getMonthValue() - 1] * WEEKDAY[d.getDayOfWeek().getValue() - 1];
      peak = Math.max(peak, dayWeight[i]);
    }
    this.peakDay = peak;
    double ph = 0;
    for (double h : HOUR_OF_DAY) {
      ph = Math.max(ph, h);
    }
    this.peakHour = ph;
  }

  boolean inWindow(long t) {
    return t >= start && t < end;
  }

  /** Seasonal intensity at t (mean about 1 over the window); 0 outside it. */
  double intensity(long t) {
    if (!inWindow(t)) {
      return 0;
    }
    return dayWeight[(int) ((t - start) / DAY)] * HOUR_OF_DAY[hourInSeoul(t)];
  }

  /**
   * The next visit after {@code from} for a customer who visits every {@code meanGapDays} on
   * average; returns a time at or past {@code end} when there is none in the window.
   */
  long nextVisit(Rand rand, long from, double meanGapDays) {
    double peak = peakDay * peakHour;
    double candidateGap = meanGapDays * DAY / peak;
    long t = from;
    while (true) {
      t += (long) rand.exponential(candidateGap) + 1;
      if (t >= end) {
        return end;
      }
      if (rand.uniform() * peak < intensity(t)) {
        return t;
      }
    }
  }

  /** A first-visit time in the window, following month and weekday seasonality. */
  long arrival(Rand rand) {
    while (true) {
      int d = rand.between(0, days - 1);
      if (rand.uniform() * peakDay < dayWeight[d]) {
        return hourOfDay(rand, start + d * DAY);
      }
    }
  }

  /** A time on the day of {@code dayStart} (Seoul midnight) drawn from the hour-of-day profile. */
  long hourOfDay(Rand rand, long dayStart) {
    while (true) {
      int h = rand.between(0, 23);
      if (rand.uniform() * peakHour < HOUR_OF_DAY[h]) {
        return dayStart + h * HOUR + (long) (rand.uniform() * HOUR);
      }
    }
  }

  /** Moves t into opening hours (10:30-21:00 Seoul) on the same or next day, for stores and phones. */
  long duringOpeningHours(Rand rand, long t) {
    long dayStart = startOfDaySeoul(t);
    long open = dayStart + 10 * HOUR + 30 * MINUTE;
    long close = dayStart + 21 * HOUR;
    if (t >= open && t < close) {
      return t;
    }
    long base = t < open ? dayStart : dayStart + DAY;
    return base + 10 * HOUR + 30 * MINUTE + (long) (rand.uniform() * 10.5 * HOUR);
  }

  long at(LocalDate date) {
    return date.atStartOfDay().toInstant(SEOUL).toEpochMilli();
  }

  static long startOfDaySeoul(long t) {
    return Math.floorDiv(t + SEOUL_OFFSET, DAY) * DAY - SEOUL_OFFSET;
  }

  static int hourInSeoul(long t) {
    return (int) (Math.floorMod(t + SEOUL_OFFSET, DAY) / HOUR);
  }

  /** Calendar month (1-12) of t in Seoul. */
  static int monthInSeoul(long t) {
    return civil(Math.floorDiv(t + SEOUL_OFFSET, DAY))[1];
  }

  /** ISO-8601 UTC with milliseconds, e.g. 2025-03-01T09:15:00.250Z; hand-rolled for speed. */
  static String iso(long ms) {
    long days = Math.floorDiv(ms, DAY);
    int msOfDay = (int) (ms - days * DAY);
    int[] ymd = civil(days);
    char[] c = new char[24];
    four(c, 0, ymd[0]);
    c[4] = '-';
    two(c, 5, ymd[1]);
    c[7] = '-';
    two(c, 8, ymd[2]);
    c[10] = 'T';
    two(c, 11, msOfDay / 3_600_000);
    c[13] = ':';
    two(c, 14, msOfDay / 60_000 % 60);
    c[16] = ':';
    two(c, 17, msOfDay / 1000 % 60);
    c[19] = '.';
    int milli = msOfDay % 1000;
    c[20] = (char) ('0' + milli / 100);
    c[21] = (char) ('0' + milli / 10 % 10);
    c[22] = (char) ('0' + milli % 10);
    c[23] = 'Z';
    return new String(c);
  }

  /** Year, month, day of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
  static int[] civil(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    return new int[] {(int) (m <= 2 ? y + 1 : y), m, d};
  }

  private static void four(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 1000 % 10);
    c[at + 1] = (char) ('0' + v / 100 % 10);
    c[at + 2] = (char) ('0' + v / 10 % 10);
    c[at + 3] = (char) ('0' + v % 10);
  }

  private static void two(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  private static double[] normalise(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] * w.length / sum;
    }
    return out;
  }
}
