package org.itinera.funnel;

import java.util.List;

/**
 * One step's figures. Times are in milliseconds, nearest-rank quantiles over the customers who
 * reached the step (null for step 1 and for steps nobody reached).
 *
 * @param step 1-based step number
 * @param customers customers whose best attempt reached this step
 * @param conversionFromPrevious customers / previous step's customers (1 for step 1; 0 when the
 *     previous step has none)
 * @param conversionFromFirst customers / step 1's customers
 * @param dropOff previous step's customers minus this step's (0 for step 1)
 * @param dropOffRate dropOff / previous step's customers
 * @param droppedCustomers a sample of the customers who reached the previous step but not this one
 *     (the smallest ids in code-point order, at most the query's dropSample)
 * @param nextInstead what those customers did right after their previous step's event, most
 *     frequent first; {@code (end)} when nothing followed
 */
public record FunnelStepResult(int step, String label, long customers,
    double conversionFromPrevious, double conversionFromFirst, long dropOff, double dropOffRate,
    Long medianMsFromPrevious, Long p90MsFromPrevious, Long medianMsFromFirst, Long p90MsFromFirst,
    List<String> droppedCustomers, List<NextEvent> nextInstead) {

  public FunnelStepResult {
    droppedCustomers = List.copyOf(droppedCustomers);
    nextInstead = List.copyOf(nextInstead);
  }
}
