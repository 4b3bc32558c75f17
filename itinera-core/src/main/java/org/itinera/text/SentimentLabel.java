package org.itinera.text;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.itinera.ItineraException;

/** The three-way sentiment label, as stored and as given in training files. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  /** Lower-case name used in JSON and TSV: {@code negative}, {@code neutral}, {@code positive}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a label as found in training files: the names above (any case), their first letters,
   * or the numbers {@code -1}/{@code 0}/{@code 1}. Binary files that say {@code 0}/{@code 1} for
   * negative/positive must be mapped by the caller, because {@code 0} here means neutral.
   */
  public static SentimentLabel parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "negative", "neg", "n", "-1":
        return NEGATIVE;
      case "neutral", "neu", "0":
        return NEUTRAL;
      case "positive", "pos", "p", "1", "+1":
        return POSITIVE;
      default:
        throw ItineraException.invalid(
            "label", "label was '" + text + "'; expected negative, neutral or positive");
    }
  }
}
