package org.itinera.demo;

import java.time.LocalDate;
import java.util.Objects;
import org.itinera.ItineraException;

/**
 * What to generate. The same options always produce the same data, byte for byte.
 *
 * @param customers number of people (some stay anonymous visitors); 1 to 50,000,000
 * @param seed any value; different seeds give different but equally realistic data
 * @param start first day of the window, in Seoul time (default 2025-01-01)
 * @param days length of the window in days, 90 to 1096 (default 365); the experiment and the
 *     improvement date scale with it
 */
public record DemoOptions(int customers, long seed, LocalDate start, int days) {
  public static final int DEFAULT_CUSTOMERS = 3_000;
  public static final long DEFAULT_SEED = 42;
  public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 1);
  public static final int DEFAULT_DAYS = 365;
  public static final int MAX_CUSTOMERS = 50_000_000;

  public DemoOptions {
    Objects.requireNonNull(start, "start");
    if (customers < 1 || customers > MAX_CUSTOMERS) {
      throw ItineraException.invalid("customers",
          "customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
    }
    if (days < 90 || days > 1096) {
      throw ItineraException.invalid("days", "days must be between 90 and 1096, was " + days);
    }
    if (start.getYear() < 1971 || start.getYear() > 9000) {
      throw ItineraException.invalid("start", "start must be a date in years 1971-9000, was " + start);
    }
  }

  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_CUSTOMERS, DEFAULT_SEED, DEFAULT_START, DEFAULT_DAYS);
  }

  public DemoOptions withCustomers(int n) {
    return new DemoOptions(n, seed, start, days);
  }

  public DemoOptions withSeed(long s) {
    return new DemoOptions(customers, s, start, days);
  }

  /** First instant after the window, as a date (exclusive). */
  public LocalDate end() {
    return start.plusDays(days);
  }
}
