package org.itinera.funnel;

import java.io.Serializable;
import org.itinera.sequence.Durations;

/** Customers reaching each step and their times to convert, for the whole funnel or one group. */
final class StepTally implements Serializable {
  private static final long serialVersionUID = 1L;

  final long[] reached;
  final Durations[] fromPrevious;
  final Durations[] fromFirst;

  StepTally(int steps) {
    reached = new long[steps];
    fromPrevious = new Durations[steps];
    fromFirst = new Durations[steps];
    for (int k = 0; k < steps; k++) {
      fromPrevious[k] = new Durations();
      fromFirst[k] = new Durations();
    }
  }

  /** Records one customer's best attempt, given the time of each step it reached. */
  void record(int depth, long[] stepTs) {
    reached[0]++;
    for (int k = 1; k < depth; k++) {
      reached[k]++;
      fromPrevious[k].add(stepTs[k] - stepTs[k - 1]);
      fromFirst[k].add(stepTs[k] - stepTs[0]);
    }
  }

  void addAll(StepTally other) {
    for (int k = 0; k < reached.length; k++) {
      reached[k] += other.reached[k];
      fromPrevious[k].addAll(other.fromPrevious[k]);
      fromFirst[k].addAll(other.fromFirst[k]);
    }
  }
}
