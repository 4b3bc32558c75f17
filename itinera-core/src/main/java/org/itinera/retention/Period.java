package org.itinera.retention;

import java.time.LocalDate;

/** Calendar periods in UTC: ISO weeks (from Monday) or months. */
public enum Period {
  WEEK, MONTH;

  private static final long DAY = 86_400_000L;
  /** 1970-01-05, the first Monday after the epoch, as an epoch day. */
  private static final long FIRST_MONDAY = 4;

  /** The period number containing {@code ts} (weeks or months since 1970). */
  public int index(long ts) {
    long day = Math.floorDiv(ts, DAY);
    if (this == WEEK) {
      return (int) Math.floorDiv(day - FIRST_MONDAY, 7);
    }
    LocalDate d = LocalDate.ofEpochDay(day);
    return (d.getYear() - 1970) * 12 + d.getMonthValue() - 1;
  }

  /** The first instant (epoch ms) of period {@code index}. */
  public long start(int index) {
    return firstDay(index).toEpochDay() * DAY;
  }

  /** The first day of period {@code index}. */
  public LocalDate firstDay(int index) {
    if (this == WEEK) {
      return LocalDate.ofEpochDay(FIRST_MONDAY + 7L * index);
    }
    return LocalDate.of(1970 + Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
  }
}
