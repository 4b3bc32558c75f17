package org.itinera.funnel;

import java.util.List;
import java.util.Map;

/**
 * The funnel for one breakdown combination.
 *
 * @param by dimension label (such as {@code channel} or {@code trait:plan}) to value, in the
 *     query's breakdown order
 */
public record FunnelGroupResult(Map<String, String> by, List<FunnelStepResult> steps) {

  public FunnelGroupResult {
    by = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(by));
    steps = List.copyOf(steps);
  }
}
