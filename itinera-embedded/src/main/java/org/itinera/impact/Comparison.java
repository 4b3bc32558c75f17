package org.itinera.impact;

import java.util.Map;

/** The same measures before and after a date, and the change of each (after − before). */
public record Comparison(String segment, long date, Measures before, Measures after,
    Map<String, Double> change) {
  public Comparison {
    change = Map.copyOf(change);
  }
}
