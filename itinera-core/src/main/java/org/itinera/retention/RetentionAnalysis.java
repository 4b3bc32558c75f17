package org.itinera.retention;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.itinera.sequence.EventMatcher;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.Vocabulary;

/**
 * Per customer: find the cohort event, then walk later return events, tracking the current
 * period's bounds so that a calendar conversion happens once per period rather than per event.
 */
final class RetentionAnalysis implements SequenceAnalysis<RetentionAnalysis.Partial,
    RetentionResult> {
  private static final long serialVersionUID = 1L;

  /** Cohort index to counts (0: size, k: returning in period k), and the latest event time. */
  static final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;
    final TreeMap<Integer, long[]> cohorts = new TreeMap<>();
    long maxTs = Long.MIN_VALUE;
    transient boolean[] seen;
  }

  private final RetentionSpec spec;
  private final EventMatcher cohort;
  private final EventMatcher returning;

  RetentionAnalysis(RetentionSpec spec, Vocabulary vocabulary) {
    this.spec = spec;
    this.cohort = spec.cohortEvent() == null ? null : spec.cohortEvent().compile(vocabulary);
    this.returning = spec.returnEvent() == null ? null : spec.returnEvent().compile(vocabulary);
  }

  @Override
  public Partial newPartial() {
    return new Partial();
  }

  @Override
  public void accept(Partial p, EventSequence events) {
    int n = events.size();
    p.maxTs = Math.max(p.maxTs, events.ts(n - 1));
    int first = 0;
    while (first < n && cohort != null && !cohort.test(events, first)) {
      first++;
    }
    if (first == n) {
      return;
    }
    Period period = spec.period();
    int c = period.index(events.ts(first));
    long[] counts = p.cohorts.computeIfAbsent(c, k -> new long[spec.periods() + 1]);
    counts[0]++;
    if (p.seen == null) {
      p.seen = new boolean[spec.periods() + 1];
    }
    java.util.Arrays.fill(p.seen, false);
    int current = c;
    long end = period.start(c + 1);
    for (int i = first + 1; i < n; i++) {
      long t = events.ts(i);
      if (t >= end) {
        current = period.index(t);
        end = period.start(current + 1);
      }
      int k = current - c;
      if (k > spec.periods()) {
        break;
      }
      if (k >= 1 && !p.seen[k] && (returning == null || returning.test(events, i))) {
        p.seen[k] = true;
        counts[k]++;
      }
    }
  }

  @Override
  public Partial merge(Partial left, Partial right) {
    right.cohorts.forEach((c, counts) -> left.cohorts.merge(c, counts, (a, b) -> {
      for (int k = 0; k < a.length; k++) {
        a[k] += b[k];
      }
      return a;
    }));
    left.maxTs = Math.max(left.maxTs, right.maxTs);
    return left;
  }

  @Override
  public RetentionResult finish(Partial p) {
    int last = p.maxTs == Long.MIN_VALUE ? Integer.MIN_VALUE : spec.period().index(p.maxTs);
    long[] sumRetained = new long[spec.periods() + 1];
    long[] sumSize = new long[spec.periods() + 1];
    List<CohortRow> rows = new ArrayList<>();
    for (Map.Entry<Integer, long[]> e : p.cohorts.entrySet()) {
      long[] counts = e.getValue();
      List<Long> retained = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      for (int k = 0; k <= spec.periods(); k++) {
        boolean observable = e.getKey() + k <= last;
        retained.add(observable ? counts[k] : null);
        rates.add(observable ? (double) counts[k] / counts[0] : null);
        if (observable) {
          sumRetained[k] += counts[k];
          sumSize[k] += counts[0];
        }
      }
      rows.add(new CohortRow(spec.period().firstDay(e.getKey()).toString(), counts[0], retained,
          rates));
    }
    List<Double> average = new ArrayList<>();
    for (int k = 0; k <= spec.periods(); k++) {
      average.add(sumSize[k] == 0 ? null : (double) sumRetained[k] / sumSize[k]);
    }
    return new RetentionResult(spec.period(), spec.periods(), rows, average);
  }
}
