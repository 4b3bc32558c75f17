package org.itinera.funnel;

import java.util.List;

/**
 * A funnel's figures. JSON: {@code steps} in step order (each with at least {@code step} and
 * {@code customers}), then {@code groups}, one per breakdown combination, each with its own steps.
 *
 * @param entered customers who did step 1 (equals {@code steps[0].customers})
 * @param converted customers who completed every step
 * @param conversion converted / entered, 0 when nobody entered
 */
public record FunnelResult(Long windowMs, boolean strict, long entered, long converted,
    double conversion, List<FunnelStepResult> steps, List<FunnelGroupResult> groups) {

  public FunnelResult {
    steps = List.copyOf(steps);
    groups = List.copyOf(groups);
  }
}
