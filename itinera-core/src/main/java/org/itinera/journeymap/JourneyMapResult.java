package org.itinera.journeymap;

import java.util.List;

/**
 * The journey map.
 *
 * @param customers customers in scope (with at least one event after the filter)
 * @param customersInStages of those, customers with at least one event in a stage
 * @param unmappedEvents events no rule maps to a stage
 */
public record JourneyMapResult(long customers, long customersInStages, long events,
    long unmappedEvents, List<StageResult> stages, List<TransitionResult> transitions,
    List<TouchpointResult> touchpoints, List<MatrixCell> matrix, List<String> goals) {
  public JourneyMapResult {
    stages = List.copyOf(stages);
    transitions = List.copyOf(transitions);
    touchpoints = List.copyOf(touchpoints);
    matrix = List.copyOf(matrix);
    goals = List.copyOf(goals);
  }
}
