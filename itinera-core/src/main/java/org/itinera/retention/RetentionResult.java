package org.itinera.retention;

import java.util.List;

/**
 * Cohorts in time order, and per period the retention over every cohort that can observe it
 * (total returning / total customers of those cohorts; null when no cohort can).
 */
public record RetentionResult(Period period, int periods, List<CohortRow> cohorts,
    List<Double> average) {
  public RetentionResult {
    cohorts = List.copyOf(cohorts);
    average = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(average));
  }
}
