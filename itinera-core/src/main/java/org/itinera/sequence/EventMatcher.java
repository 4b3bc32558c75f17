package org.itinera.sequence;

import java.io.Serializable;

/**
 * An {@link EventPredicate} compiled against one vocabulary: one table lookup by event class, plus
 * the engine-evaluated property flags when the predicate has any.
 */
public final class EventMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean[] classOk;
  private final int[] flags;

  EventMatcher(boolean[] classOk, int[] flags) {
    this.classOk = classOk;
    this.flags = flags;
  }

  public boolean test(EventSequence events, int i) {
    if (!classOk[events.eventClass(i)]) {
      return false;
    }
    for (int f : flags) {
      if (!events.flag(f, i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether events of this class can match at all (flags aside). */
  public boolean acceptsClass(int eventClass) {
    return classOk[eventClass];
  }

  /** True when the matcher depends on the class only, so {@link #acceptsClass} is the answer. */
  public boolean classOnly() {
    return flags.length == 0;
  }
}
