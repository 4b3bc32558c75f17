package org.itinera.retention;

import java.util.List;

/**
 * One cohort. {@code retained.get(k)} is the customers returning in period k after the cohort's
 * (index 0 is the cohort size); null where period k lies after the last event in the data, so it
 * cannot be observed yet. {@code rates} are retained / customers, with the same nulls.
 *
 * @param start the cohort period's first day (UTC), ISO format
 */
public record CohortRow(String start, long customers, List<Long> retained, List<Double> rates) {
  public CohortRow {
    retained = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(retained));
    rates = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rates));
  }
}
