package org.itinera.text;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The emotion categories a journey map draws its emotion curve from. See {@code docs/TEXT.md}
 * for how each is derived from the sentiment model and the cue lexicon.
 */
public enum Emotion {
  JOY,
  FRUSTRATION,
  ANXIETY,
  DISAPPOINTMENT,
  NEUTRAL;

  /** Lower-case name stored in the {@code emotion} column, e.g. {@code frustration}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
