package org.itinera.index;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.CustomerLabels;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.FilterView;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.Vocabulary;

/**
 * A query prepared on one snapshot: it splits the customer ordinals into contiguous ranges and
 * deals them round-robin to one task per thread, each folding its ranges into one partial with one
 * view, then merges the partials in task order. Several ranges per task keep an unlucky range of
 * heavy customers from stalling the rest; one partial per task rather than per range keeps large
 * partials (path counts, durations) few and their merges cheap, and the fixed dealing keeps the
 * result independent of thread timing.
 */
final class IndexQuery implements PreparedQuery {
  /** Enough ranges per thread that an unlucky range of heavy customers does not stall the rest. */
  private static final int RANGES_PER_THREAD = 8;

  private final Snapshot snapshot;
  private final Vocabulary vocabulary;
  private final QueryFlags flags;
  private final BitSet customers;
  private final List<CustomerLabels> labels;
  private final SequenceFilter filter;
  private final ExecutorService pool;
  private final int threads;

  IndexQuery(Snapshot snapshot, Vocabulary vocabulary, QueryFlags flags, BitSet customers,
      List<CustomerLabels> labels, SequenceFilter filter, ExecutorService pool, int threads) {
    this.snapshot = snapshot;
    this.vocabulary = vocabulary;
    this.flags = flags;
    this.customers = customers;
    this.labels = labels;
    this.filter = filter;
    this.pool = pool;
    this.threads = threads;
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public CustomerLabels labels(int index) {
    return labels.get(index);
  }

  @Override
  public <P extends Serializable, R> P run(SequenceAnalysis<P, R> analysis) {
    int n = snapshot.customerCount();
    int ranges = n < 4096 ? 1 : threads * RANGES_PER_THREAD;
    int tasks = Math.min(threads, ranges);
    List<Future<P>> futures = new ArrayList<>();
    for (int k = 0; k < tasks; k++) {
      int first = k;
      futures.add(pool.submit(() -> runRanges(analysis, n, ranges, first, tasks)));
    }
    P merged = null;
    for (Future<P> f : futures) {
      P p = get(f);
      merged = merged == null ? p : analysis.merge(merged, p);
    }
    return merged;
  }

  /** Folds ranges {@code first}, {@code first + step}, ... of {@code ranges} into one partial. */
  private <P extends Serializable> P runRanges(SequenceAnalysis<P, ?> analysis, int n, int ranges,
      int first, int step) {
    P partial = analysis.newPartial();
    IndexView view = new IndexView(snapshot, vocabulary, flags);
    FilterView filterView = new FilterView(filter, vocabulary);
    for (int k = first; k < ranges; k += step) {
      int from = (int) ((long) n * k / ranges);
      int to = (int) ((long) n * (k + 1) / ranges);
      runRange(analysis, partial, view, filterView, from, to);
    }
    return partial;
  }

  private <P extends Serializable> void runRange(SequenceAnalysis<P, ?> analysis, P partial,
      IndexView view, FilterView filterView, int from, int to) {
    for (int c = from; c < to; c++) {
      if (customers != null && !customers.get(c)) {
        continue;
      }
      view.position(c);
      if (view.size() == 0) {
        continue;
      }
      EventSequence events = filterView.apply(view);
      if (events.size() > 0) {
        analysis.accept(partial, events);
      }
    }
  }

  private static <P> P get(Future<P> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, null, "query interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new ItineraException(ErrorCode.INTERNAL, null, "query failed: " + e.getCause(),
          e.getCause());
    }
  }
}
