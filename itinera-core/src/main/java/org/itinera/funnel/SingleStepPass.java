package org.itinera.funnel;

import java.io.Serializable;
import org.itinera.sequence.EventSequence;

/**
 * {@link AttemptFinder}'s shortcut for the most common funnel shape: every event class satisfies at
 * most one step, steps have no property conditions and no per-step windows, and the funnel is not
 * strict.
 *
 * <p>Design. Follow the customer's first step-1 event greedily: the earliest event of step 2 after
 * it, then of step 3, and so on. A later start's k-th step can be no earlier than this chain's, so
 * when the chain stops because no event of its next step follows, no later start gets further
 * either: the chain is the best attempt, with the earliest start of its depth. Only when the next
 * step's event exists but lies outside the window of the first start might a later start do
 * better; then the caller runs the general two-pass search. The loop touches one table entry per
 * event and branches only when the chain advances: measured on 10M synthetic events, the general
 * search's "does this event match a step, which steps" branches and its per-step state in memory
 * cost 2 to 3 times more CPU than this.
 */
final class SingleStepPass implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Returned when the window decides and the general search must run. */
  static final int UNDECIDED = -1;

  private final int steps;
  private final int[] code;
  private final long window;

  private SingleStepPass(int steps, int[] code, long window) {
    this.steps = steps;
    this.code = code;
    this.window = window;
  }

  /**
   * The pass for these per-class step masks (one word each), or null when some class satisfies
   * more than one step.
   */
  static SingleStepPass of(long[] classMasks, int steps, long window) {
    int[] code = new int[classMasks.length];
    for (int c = 0; c < classMasks.length; c++) {
      long m = classMasks[c];
      if (Long.bitCount(m) > 1) {
        return null;
      }
      code[c] = m == 0 ? 0 : Long.numberOfTrailingZeros(m) + 1;
    }
    return new SingleStepPass(steps, code, window);
  }

  /**
   * As {@link AttemptFinder#find}, or {@link #UNDECIDED} when the window cut the first start's
   * chain short and a later start might get further.
   */
  int find(EventSequence events, int len, int[] pos, long[] stepTs) {
    final int[] table = code;
    int want = 1;
    long start = 0;
    for (int j = 0; j < len; j++) {
      if (table[events.eventClass(j)] == want) {
        long t = events.ts(j);
        if (want == 1) {
          start = t;
        } else if (t - start > window) {
          return UNDECIDED;
        }
        pos[want - 1] = j;
        stepTs[want - 1] = t;
        if (want++ == steps) {
          return steps;
        }
      }
    }
    return want - 1;
  }
}
