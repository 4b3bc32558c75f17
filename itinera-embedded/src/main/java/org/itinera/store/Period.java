package org.itinera.store;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.itinera.ItineraException;

/**
 * A range of calendar days (UTC) that a query looks at, both ends inclusive; either end may be
 * open. Event times are stored as UTC wall-clock {@code TIMESTAMP}s, so the range is compared as
 * {@code ts >= from 00:00} and {@code ts < (to + 1 day) 00:00}.
 */
public record Period(LocalDate from, LocalDate to) {
  public static final Period ALL = new Period(null, null);

  public Period {
    if (from != null && to != null && to.isBefore(from)) {
      throw ItineraException.invalid("to", "the period ends (" + to + ") before it starts ("
          + from + "); expected to >= from");
    }
  }

  /** Parses {@code from}/{@code to} request parameters given as ISO dates (2026-05-01). */
  public static Period parse(String from, String to) {
    return new Period(date("from", from), date("to", to));
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ItineraException.invalid(field, "'" + value + "' is not a date; expected YYYY-MM-DD"
          + " such as 2026-05-01");
    }
  }

  /** Adds this period's conditions on the column {@code ts} (of the alias given, or none). */
  public void restrict(SqlWhere where, String tsColumn) {
    if (from != null) {
      where.and(tsColumn + " >= ?", Timestamp.valueOf(from.atStartOfDay()));
    }
    if (to != null) {
      where.and(tsColumn + " < ?", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
    }
  }
}
