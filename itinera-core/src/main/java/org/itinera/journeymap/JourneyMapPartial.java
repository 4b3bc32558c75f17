package org.itinera.journeymap;

import java.io.Serializable;
import org.itinera.sequence.Durations;

/** The journey map's partial aggregate; arrays are indexed by stage, touchpoint or cell. */
final class JourneyMapPartial implements Serializable {
  private static final long serialVersionUID = 1L;

  long customers;
  long customersInStages;
  long events;
  long unmapped;
  final long[] reached;
  final long[] progressed;
  final long[] goal;
  final Durations[] stay;
  final DistinctCounter transitions;
  final DistinctCounter touchpoints;
  final DistinctCounter cells;
  final EmotionTally stageEmotion;
  final EmotionTally touchpointEmotion;
  final EmotionTally cellEmotion;
  int stamp;
  transient int[] firstEntry;
  transient int[] lastPos;

  JourneyMapPartial(int stages, int touchpointCount) {
    reached = new long[stages];
    progressed = new long[stages];
    goal = new long[stages];
    stay = new Durations[stages];
    for (int s = 0; s < stages; s++) {
      stay[s] = new Durations();
    }
    transitions = new DistinctCounter((stages + 1) * stages);
    touchpoints = new DistinctCounter(touchpointCount);
    cells = new DistinctCounter(stages * touchpointCount);
    stageEmotion = new EmotionTally(stages);
    touchpointEmotion = new EmotionTally(touchpointCount);
    cellEmotion = new EmotionTally(stages * touchpointCount);
  }

  void addAll(JourneyMapPartial o) {
    customers += o.customers;
    customersInStages += o.customersInStages;
    events += o.events;
    unmapped += o.unmapped;
    for (int s = 0; s < reached.length; s++) {
      reached[s] += o.reached[s];
      progressed[s] += o.progressed[s];
      goal[s] += o.goal[s];
      stay[s].addAll(o.stay[s]);
    }
    transitions.addAll(o.transitions);
    touchpoints.addAll(o.touchpoints);
    cells.addAll(o.cells);
    stageEmotion.addAll(o.stageEmotion);
    touchpointEmotion.addAll(o.touchpointEmotion);
    cellEmotion.addAll(o.cellEmotion);
  }
}
