package org.itinera.path;

import java.util.List;

/**
 * One path: its events in time order, its occurrences, distinct customers and share of all
 * occurrences.
 */
public record PathRow(List<String> events, long count, long customers, double share) {
  public PathRow {
    events = List.copyOf(events);
  }
}
