package org.itinera.sequence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itinera.ItineraException;

/**
 * Durations as users type them on the command line and in query parameters: {@code 30m},
 * {@code 12h}, {@code 7d}, {@code 2w}.
 */
public final class DurationText {
  private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

  private DurationText() {}

  /** The duration in milliseconds; refused, naming {@code option}, unless positive. */
  public static long parse(String option, String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw ItineraException.invalid(option, "'" + text
          + "' is not a duration; use a number and a unit: 30m, 12h, 7d, 2w");
    }
    long n = Long.parseLong(m.group(1));
    long unit = switch (m.group(2)) {
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> 7 * 86_400_000L;
    };
    if (n == 0) {
      throw ItineraException.invalid(option, "must be longer than zero");
    }
    return n * unit;
  }
}
