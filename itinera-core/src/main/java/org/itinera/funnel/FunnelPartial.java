package org.itinera.funnel;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A funnel's partial aggregate: the overall tally, one tally per breakdown group, and for every
 * step the customers who dropped there (a bounded sample of the smallest customer ordinals, so the
 * sample does not depend on how customers were partitioned) and the event each did next.
 */
final class FunnelPartial implements Serializable {
  private static final long serialVersionUID = 1L;

  final StepTally all;
  final Map<Long, StepTally> groups = new HashMap<>();
  final long[][] nextInstead;
  final TreeMap<Integer, String>[] dropped;
  transient AttemptFinder.Scratch scratch;

  @SuppressWarnings("unchecked")
  FunnelPartial(int steps) {
    all = new StepTally(steps);
    nextInstead = new long[steps][];
    dropped = new TreeMap[steps];
    for (int k = 0; k < steps; k++) {
      dropped[k] = new TreeMap<>();
    }
  }

  AttemptFinder.Scratch scratch() {
    if (scratch == null) {
      scratch = new AttemptFinder.Scratch();
    }
    return scratch;
  }

  void addDropped(int step, int customer, String customerId, int limit) {
    TreeMap<Integer, String> sample = dropped[step];
    if (sample.size() < limit) {
      sample.put(customer, customerId);
    } else if (limit > 0 && customer < sample.lastKey()) {
      sample.pollLastEntry();
      sample.put(customer, customerId);
    }
  }

  boolean wouldKeepDropped(int step, int customer, int limit) {
    return dropped[step].size() < limit || (limit > 0 && customer < dropped[step].lastKey());
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
      for (Map.Entry<Integer, String> e : other.dropped[k].entrySet()) {
        addDropped(k, e.getKey(), e.getValue(), limit);
      }
    }
  }
}
