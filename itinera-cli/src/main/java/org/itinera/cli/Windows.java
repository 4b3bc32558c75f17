package org.itinera.cli;

import org.itinera.sequence.DurationText;

/** Durations on the command line; see {@link DurationText}. */
final class Windows {
  private Windows() {}

  static long parse(String option, String text) {
    return DurationText.parse(option, text);
  }
}
