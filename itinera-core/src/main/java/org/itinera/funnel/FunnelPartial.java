package org.itinera.funnel;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A funnel's partial aggregate: the overall tally, one tally per breakdown group, and for every
 * step the customers who dropped there (a bounded sample of the smallest customer ids, so the
 * sample depends neither on the engine nor on how customers were partitioned) and the event each
 * did next.
 */
final class FunnelPartial implements Serializable {
  private static final long serialVersionUID = 1L;

  final StepTally all;
  final Map<Long, StepTally> groups = new HashMap<>();
  final long[][] nextInstead;
  final java.util.TreeSet<String>[] dropped;
  transient AttemptFinder.Scratch scratch;

  @SuppressWarnings("unchecked")
  FunnelPartial(int steps) {
    all = new StepTally(steps);
    nextInstead = new long[steps][];
    dropped = new java.util.TreeSet[steps];
    for (int k = 0; k < steps; k++) {
      dropped[k] = new java.util.TreeSet<>();
    }
  }

  AttemptFinder.Scratch scratch() {
    if (scratch == null) {
      scratch = new AttemptFinder.Scratch();
    }
    return scratch;
  }

  void addDropped(int step, String customerId, int limit) {
    java.util.TreeSet<String> sample = dropped[step];
    if (sample.size() < limit) {
      sample.add(customerId);
    } else if (limit > 0 && customerId.compareTo(sample.last()) < 0) {
      sample.pollLast();
      sample.add(customerId);
    }
  }

  void countNext(int step, int event, int events) {
    if (nextInstead[step] == null) {
      nextInstead[step] = new long[events];
    }
    nextInstead[step][event]++;
  }

  void addAll(FunnelPartial other, int limit) {
    all.addAll(other.all);
    other.groups.forEach((key, tally) -> groups.merge(key, tally, (a, b) -> {
      a.addAll(b);
      return a;
    }));
    for (int k = 0; k < nextInstead.length; k++) {
      if (other.nextInstead[k] != null) {
        if (nextInstead[k] == null) {
          nextInstead[k] = other.nextInstead[k].clone();
        } else {
          for (int e = 0; e < nextInstead[k].length; e++) {
            nextInstead[k][e] += other.nextInstead[k][e];
          }
        }
      }
      for (String id : other.dropped[k]) {
        addDropped(k, id, limit);
      }
    }
  }
}
