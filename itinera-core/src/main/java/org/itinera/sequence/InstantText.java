package org.itinera.sequence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.itinera.ItineraException;

/**
 * Points in time as users type them for {@code --since}/{@code --until}: a date ({@code
 * 2026-06-01}, its start in UTC) or an instant ({@code 2026-06-01T12:00:00Z}).
 */
public final class InstantText {
  private InstantText() {}

  /** Epoch milliseconds; refused, naming {@code option}, unless a date or an instant. */
  public static long parse(String option, String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw ItineraException.invalid(option, "'" + text + "' is not a date such as 2026-06-01 "
            + "or an instant such as 2026-06-01T12:00:00Z");
      }
    }
  }
}
