package org.itinera.funnel;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A funnel's partial aggregate: the overall tally, one tally per breakdown group, and for every
 * step the customers who dropped there (a bounded sample of the smallest customer ids, so the
 * sample depends neither on the engine nor on how customers were partitioned; kept by {@link
 * org.itinera.sequence.EventSequence#customerKey()} so that only ids entering the sample are
 * decoded) and the event each did next.
 */
final class FunnelPartial implements Serializable {
  private static final long serialVersionUID = 1L;

  final StepTally all;
  final Map<Long, StepTally> groups = new HashMap<>();
  final long[][] nextInstead;
  final TreeMap<Long, String>[] dropped;
  transient AttemptFinder.Scratch scratch;
  /** Per step, the key bound of {@link #keepsDropped}; rebuilt lazily after deserialisation. */
  private transient long[] droppedBound;

  @SuppressWarnings({"unchecked", "rawtypes"})
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

  /**
   * Whether a customer with this key belongs in step {@code step}'s sample. Called for nearly
   * every customer, so it reads a cached bound instead of the tree: once a sample is full, only
   * keys below its largest enter.
   */
  boolean keepsDropped(int step, long key, int limit) {
    if (limit <= 0) {
      return false;
    }
    if (droppedBound == null) {
      droppedBound = new long[dropped.length];
      for (int k = 0; k < dropped.length; k++) {
        droppedBound[k] = bound(k, limit);
      }
    }
    long b = droppedBound[step];
    return key < b || (b == Long.MAX_VALUE && dropped[step].size() < limit);
  }

  void addDropped(int step, long key, String customerId, int limit) {
    TreeMap<Long, String> sample = dropped[step];
    sample.put(key, customerId);
    if (sample.size() > limit) {
      sample.pollLastEntry();
    }
    if (droppedBound != null) {
      droppedBound[step] = bound(step, limit);
    }
  }

  /** Keys below this enter the sample: any key while it has room, else those below its largest. */
  private long bound(int step, int limit) {
    TreeMap<Long, String> sample = dropped[step];
    return sample.size() < limit ? Long.MAX_VALUE : sample.lastKey();
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
      for (Map.Entry<Long, String> e : other.dropped[k].entrySet()) {
        if (keepsDropped(k, e.getKey(), limit)) {
          addDropped(k, e.getKey(), e.getValue(), limit);
        }
      }
    }
  }
}
