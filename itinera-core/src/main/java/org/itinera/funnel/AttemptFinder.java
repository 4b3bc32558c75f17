package org.itinera.funnel;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.itinera.sequence.EventMatcher;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Vocabulary;

/**
 * Finds one customer's best funnel attempt.
 *
 * <p>Semantics. An attempt starts at an occurrence of step 1; each later step is satisfied by an
 * event strictly after the previous step's event in journey order (so at or after its time, ties in
 * arrival order, and no event satisfies two steps), at most {@code window} after the attempt's
 * step-1 event (inclusive) and, when the step has one, at most its per-step window after the
 * previous step. In strict mode the step's event must be the very next event. The attempt's depth
 * is the number of steps some chain of events reaches; the best attempt is the deepest, and among
 * equally deep ones the one with the earliest start. The attempt's reported chain (its step times)
 * is the lexicographically earliest of its deepest chains: the earliest step-2 event from which the
 * remaining steps can still be completed, then the earliest such step-3 event, and so on. Without
 * per-step windows that is simply the earliest matching event for each step.
 *
 * <p>Design. Each event's matches are first turned into a bit mask over steps (one table lookup by
 * event class, refined by property flags only for steps that have them). Then:
 *
 * <ul>
 *   <li>Without per-step windows, one left-to-right pass finds the maximum depth, keeping for each
 *       level the latest start time of any chain that reached it (a later start leaves more of the
 *       window, so it dominates). A second pass greedily follows each start in order, taking the
 *       earliest event for each next step (which is optimal for a fixed start), and stops at the
 *       first start that reaches the maximum depth. Usually that is the first start, so the cost is
 *       linear.
 *   <li>With per-step windows greedy is no longer optimal (a later step-2 event can be the only one
 *       close enough to step 3), so each start runs a small dynamic programme: for each level, the
 *       latest time a valid chain reached it so far, which is the best predecessor for the next
 *       level. Quadratic in the worst case, bounded by the window. The chosen start's chain is
 *       then rebuilt by a backward pass (which events can still complete the chain) and a forward
 *       pass (the earliest such event for each step).
 *   <li>Strict mode follows consecutive events from each start.
 * </ul>
 *
 * <p>Levels are processed from the last to the first for each event so that an event is never used
 * as two steps of one chain. The common case (at most 64 steps, no property conditions, no
 * per-step windows, not strict) first compacts the customer's events to those matching any step,
 * one 64-bit step mask each, and runs the two passes over that; when moreover every event class
 * satisfies at most one step, {@link SingleStepPass} first tries one greedy pass that usually
 * settles the customer.
 */
final class AttemptFinder implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long NONE = Long.MIN_VALUE;

  private final int steps;
  private final int words;
  private final long[] classMasks;
  private final EventMatcher[] flagged;
  private final long window;
  private final long[] stepWindow;
  private final boolean strict;
  /** At most 64 steps, no property flags, no per-step windows, not strict: the fast path. */
  private final boolean compact;
  /** The fast path's branch-free pass when each class satisfies at most one step, else null. */
  private final SingleStepPass single;

  AttemptFinder(List<FunnelStep> funnelSteps, Long windowMs, boolean strict,
      Vocabulary vocabulary) {
    this.steps = funnelSteps.size();
    this.words = (steps + 63) >>> 6;
    this.classMasks = new long[vocabulary.classCount() * words];
    this.flagged = new EventMatcher[steps];
    this.window = windowMs == null ? Long.MAX_VALUE : windowMs;
    this.strict = strict;
    boolean perStep = false;
    long[] perStepWindow = new long[steps];
    for (int k = 0; k < steps; k++) {
      FunnelStep step = funnelSteps.get(k);
      EventMatcher matcher = step.match().compile(vocabulary);
      for (int c = 0; c < vocabulary.classCount(); c++) {
        if (matcher.acceptsClass(c)) {
          classMasks[c * words + (k >>> 6)] |= 1L << k;
        }
      }
      flagged[k] = matcher.classOnly() ? null : matcher;
      perStepWindow[k] = step.windowMs() == null ? Long.MAX_VALUE : step.windowMs();
      perStep |= step.windowMs() != null;
    }
    this.stepWindow = perStep ? perStepWindow : null;
    boolean anyFlags = false;
    for (EventMatcher m : flagged) {
      anyFlags |= m != null;
    }
    this.compact = words == 1 && !anyFlags && !strict && !perStep;
    this.single = compact ? SingleStepPass.of(classMasks, window) : null;
  }

  int steps() {
    return steps;
  }

  /**
   * Finds the best attempt of {@code events}; returns its depth (0 when step 1 never occurs) and
   * leaves the event position and time of each reached step in {@code scratch.pos} and {@code
   * scratch.stepTs}.
   */
  int find(EventSequence events, Scratch scratch) {
    int len = events.size();
    scratch.ensure(len, words, steps);
    if (single != null) {
      int depth = single.find(events, len, scratch.pos, scratch.stepTs);
      if (depth != SingleStepPass.UNDECIDED) {
        return depth;
      }
    }
    if (compact) {
      return findCompact(events, len, scratch);
    }
    int depth = findGeneral(events, len, scratch);
    for (int k = 0; k < depth; k++) {
      scratch.stepTs[k] = scratch.ts[scratch.pos[k]];
    }
    return depth;
  }

  /**
   * The common case on a compacted copy of the events that match some step (one mask word each):
   * the same two passes as below, touching nothing else.
   */
  private int findCompact(EventSequence events, int len, Scratch scratch) {
    long[] cm = scratch.masks;
    long[] ct = scratch.ts;
    int[] cp = scratch.compactPos;
    int n = 0;
    long seen = 0;
    for (int j = 0; j < len; j++) {
      long m = classMasks[events.eventClass(j)];
      if (m != 0) {
        cm[n] = m;
        ct[n] = events.ts(j);
        cp[n++] = j;
        seen |= m;
      }
    }
    if ((seen & 1L) == 0) {
      return 0;
    }
    long[] chainStart = scratch.level;
    Arrays.fill(chainStart, 0, steps, NONE);
    for (int j = 0; j < n; j++) {
      long t = ct[j];
      long m = cm[j];
      for (long bits = m & ~1L; bits != 0; ) {
        int k = 63 - Long.numberOfLeadingZeros(bits);
        bits &= ~(1L << k);
        long start = chainStart[k - 1];
        if (start != NONE && t - start <= window && start > chainStart[k]) {
          chainStart[k] = start;
        }
      }
      if ((m & 1L) != 0) {
        chainStart[0] = t;
      }
    }
    int depth = steps;
    while (chainStart[depth - 1] == NONE) {
      depth--;
    }
    int[] pos = scratch.pos;
    long[] stepTs = scratch.stepTs;
    for (int i = 0; i < n; i++) {
      if ((cm[i] & 1L) == 0) {
        continue;
      }
      pos[0] = cp[i];
      stepTs[0] = ct[i];
      int level = 1;
      for (int j = i + 1; j < n && level < depth; j++) {
        if (ct[j] - ct[i] > window) {
          break;
        }
        if ((cm[j] >>> level & 1L) != 0) {
          pos[level] = cp[j];
          stepTs[level++] = ct[j];
        }
      }
      if (level == depth) {
        return depth;
      }
    }
    throw new IllegalStateException("no start reached depth " + depth);
  }

  private int findGeneral(EventSequence events, int len, Scratch scratch) {
    long[] masks = scratch.masks;
    long[] ts = scratch.ts;
    boolean anyStart = false;
    for (int j = 0; j < len; j++) {
      ts[j] = events.ts(j);
      System.arraycopy(classMasks, events.eventClass(j) * words, masks, j * words, words);
      for (int k = 0; k < steps; k++) {
        if (flagged[k] != null && has(masks, j, k) && !flagged[k].test(events, j)) {
          masks[j * words + (k >>> 6)] &= ~(1L << k);
        }
      }
      anyStart |= (masks[j * words] & 1L) != 0;
    }
    if (!anyStart) {
      return 0;
    }
    if (strict) {
      return strict(len, masks, ts, scratch.pos);
    }
    if (stepWindow != null) {
      return withStepWindows(len, masks, ts, scratch);
    }
    int depth = maxDepth(len, masks, ts, scratch.level);
    for (int i = 0; i < len; i++) {
      if ((masks[i * words] & 1L) != 0 && greedy(i, len, masks, ts, scratch.pos, depth) == depth) {
        return depth;
      }
    }
    throw new IllegalStateException("no start reached depth " + depth);
  }

  private int maxDepth(int len, long[] masks, long[] ts, long[] chainStart) {
    Arrays.fill(chainStart, 0, steps, NONE);
    for (int j = 0; j < len; j++) {
      long t = ts[j];
      for (int k = steps - 1; k >= 1; k--) {
        long start = chainStart[k - 1];
        if (start != NONE && has(masks, j, k) && t - start <= window && start > chainStart[k]) {
          chainStart[k] = start;
        }
      }
      if ((masks[j * words] & 1L) != 0) {
        chainStart[0] = t;
      }
    }
    int depth = steps;
    while (chainStart[depth - 1] == NONE) {
      depth--;
    }
    return depth;
  }

  private int greedy(int start, int len, long[] masks, long[] ts, int[] pos, int depth) {
    pos[0] = start;
    int level = 1;
    for (int j = start + 1; j < len && level < depth; j++) {
      if (ts[j] - ts[start] > window) {
        break;
      }
      if (has(masks, j, level)) {
        pos[level++] = j;
      }
    }
    return level;
  }

  private int withStepWindows(int len, long[] masks, long[] ts, Scratch scratch) {
    int best = 0;
    int bestStart = -1;
    for (int i = 0; i < len && best < steps; i++) {
      if ((masks[i * words] & 1L) != 0) {
        int depth = depthFrom(i, len, masks, ts, scratch.level);
        if (depth > best) {
          best = depth;
          bestStart = i;
        }
      }
    }
    earliestChain(bestStart, best, len, masks, ts, scratch);
    return best;
  }

  /** Forward DP from one start: latest[k] is the latest time a valid chain reached level k. */
  private int depthFrom(int start, int len, long[] masks, long[] ts, long[] latest) {
    Arrays.fill(latest, 0, steps, NONE);
    latest[0] = ts[start];
    int depth = 1;
    for (int j = start + 1; j < len && depth < steps && ts[j] - ts[start] <= window; j++) {
      for (int k = Math.min(depth, steps - 1); k >= 1; k--) {
        long prev = latest[k - 1];
        if (prev != NONE && has(masks, j, k) && ts[j] - prev <= stepWindow[k]) {
          latest[k] = ts[j];
          depth = Math.max(depth, k + 1);
        }
      }
    }
    return depth;
  }

  /**
   * The lexicographically earliest chain of {@code depth} steps from {@code start}: a backward pass
   * marks which events can still complete the chain from their level, then a forward pass takes,
   * for each level, the earliest completable event close enough to the previous choice.
   */
  private void earliestChain(int start, int depth, int len, long[] masks, long[] ts,
      Scratch scratch) {
    int end = start;
    while (end + 1 < len && ts[end + 1] - ts[start] <= window) {
      end++;
    }
    long[] next = scratch.level;
    Arrays.fill(next, 0, steps, NONE);
    boolean[] completes = scratch.completes(len, depth);
    for (int j = end; j > start; j--) {
      for (int k = 1; k < depth; k++) {
        completes[j * depth + k] = has(masks, j, k) && (k == depth - 1
            || (next[k + 1] != NONE && next[k + 1] - ts[j] <= stepWindow[k + 1]));
      }
      for (int k = 1; k < depth; k++) {
        if (completes[j * depth + k]) {
          next[k] = ts[j];
        }
      }
    }
    int[] pos = scratch.pos;
    pos[0] = start;
    for (int k = 1; k < depth; k++) {
      int j = pos[k - 1] + 1;
      while (!(completes[j * depth + k] && ts[j] - ts[pos[k - 1]] <= stepWindow[k])) {
        j++;
      }
      pos[k] = j;
    }
  }

  private int strict(int len, long[] masks, long[] ts, int[] pos) {
    int best = 0;
    for (int i = 0; i < len && best < steps; i++) {
      if ((masks[i * words] & 1L) == 0) {
        continue;
      }
      int level = 1;
      int j = i;
      while (level < steps && j + 1 < len && has(masks, j + 1, level)
          && ts[j + 1] - ts[i] <= window
          && (stepWindow == null || ts[j + 1] - ts[j] <= stepWindow[level])) {
        j++;
        level++;
      }
      if (level > best) {
        best = level;
        for (int k = 0; k < level; k++) {
          pos[k] = i + k;
        }
      }
    }
    return best;
  }

  private boolean has(long[] masks, int j, int k) {
    return (masks[j * words + (k >>> 6)] & (1L << k)) != 0;
  }

  /** Per-worker buffers, grown on demand; never shared between threads. */
  static final class Scratch {
    long[] masks = new long[0];
    long[] ts = new long[0];
    int[] compactPos = new int[0];
    int[] pos = new int[0];
    long[] stepTs = new long[0];
    long[] level = new long[0];
    boolean[] completes = new boolean[0];

    boolean[] completes(int len, int depth) {
      if (completes.length < len * depth) {
        completes = new boolean[len * depth];
      } else {
        java.util.Arrays.fill(completes, 0, len * depth, false);
      }
      return completes;
    }

    void ensure(int len, int words, int steps) {
      if (ts.length < len) {
        int cap = Math.max(len, ts.length * 2);
        ts = new long[cap];
        masks = new long[cap * words];
        compactPos = new int[cap];
      } else if (masks.length < len * words) {
        masks = new long[ts.length * words];
      }
      if (pos.length <= steps) {
        pos = new int[steps + 1]; // one past the last step: SingleStepPass's slot once complete
        stepTs = new long[steps];
        level = new long[steps];
      }
    }
  }
}
