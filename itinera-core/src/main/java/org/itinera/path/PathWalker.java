package org.itinera.path;

import java.io.Serializable;
import org.itinera.sequence.EventMatcher;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Vocabulary;

/**
 * Enumerates one customer's path occurrences as position ranges; shared by both passes. An event
 * anchor that depends on the event class only is tested by one lookup in a per-class 0/1 table
 * rather than through its matcher, and its positions are gathered into a scratch array by adding
 * that 0/1 to a cursor, with no branch per event (anchors such as 'Product Viewed', a fifth of
 * the events in no predictable order, made the branch a frequent misprediction: about 25 ms of
 * CPU per 10M events). Names are read through the walker's class-to-name table ({@link
 * #nameOfClass}) rather than the sequence's vocabulary. Each anchor kind has its own loop.
 */
final class PathWalker implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Receives each path occurrence: positions {@code first .. first + length - 1}. */
  interface Sink {
    void path(EventSequence events, int first, int length);

    /** A scratch array of at least {@code n} ints, reused from customer to customer. */
    int[] scratch(int n);
  }

  private final Anchor.Kind kind;
  private final EventMatcher anchor;
  /** For an anchor that depends on the class only: 1 where a class matches, else 0; or null. */
  private final int[] anchorClass;
  private final int[] nameOfClass;
  private final int length;
  private final long gap;
  private final long window;
  private final boolean firstOnly;
  /** Neither a session gap nor a window: paths end at the length or the journey, times unread. */
  private final boolean untimed;

  PathWalker(PathSpec spec, Vocabulary vocabulary) {
    this.kind = spec.anchor().kind();
    this.anchor = spec.anchor().event() == null ? null : spec.anchor().event().compile(vocabulary);
    this.length = spec.length() == 0 ? Integer.MAX_VALUE : spec.length();
    this.gap = spec.sessionGapMs() == null ? Long.MAX_VALUE : spec.sessionGapMs();
    this.window = spec.windowMs() == null ? Long.MAX_VALUE : spec.windowMs();
    this.firstOnly = spec.firstOnly();
    this.untimed = gap == Long.MAX_VALUE && window == Long.MAX_VALUE;
    this.nameOfClass = PathKeys.nameOfClass(vocabulary);
    if (anchor != null && anchor.classOnly()) {
      anchorClass = new int[vocabulary.classCount()];
      for (int c = 0; c < anchorClass.length; c++) {
        anchorClass[c] = anchor.acceptsClass(c) ? 1 : 0;
      }
    } else {
      anchorClass = null;
    }
  }

  /** Event-name ids by event class, for {@link PathKeys#pack}. */
  int[] nameOfClass() {
    return nameOfClass;
  }

  /**
   * Whether a customer has at most one path (from journey start without sessions, or the first
   * anchor only): then paths never overlap and coverage follows from the counts.
   */
  boolean onePathPerCustomer() {
    return firstOnly || (kind == Anchor.Kind.START && gap == Long.MAX_VALUE);
  }

  /** The most events a path can have; {@link Integer#MAX_VALUE} when unlimited. */
  int maxLength() {
    return length;
  }

  /** One loop per anchor kind, so that no per-event branch asks which kind this is. */
  void walk(EventSequence events, Sink sink) {
    int n = events.size();
    switch (kind) {
      case START -> {
        if (gap == Long.MAX_VALUE) {
          if (n > 0) {
            sink.path(events, 0, forwardEnd(events, 0, n) + 1);
          }
          return;
        }
        long previous = Long.MIN_VALUE;
        for (int a = 0; a < n; a++) {
          long t = events.ts(a);
          if (a == 0 || t - previous > gap) {
            int end = forwardEnd(events, a, n);
            sink.path(events, a, end - a + 1);
            if (firstOnly) {
              return;
            }
          }
          previous = t;
        }
      }
      case EVERY -> {
        for (int a = 0; a < n; a++) {
          sink.path(events, a, forwardEnd(events, a, n) - a + 1);
          if (firstOnly) {
            return;
          }
        }
      }
      case FROM -> {
        if (anchorClass != null && !firstOnly) {
          int[] anchors = anchors(events, sink);
          for (int k = 0, a; (a = anchors[k]) >= 0; k++) {
            sink.path(events, a, forwardEnd(events, a, n) - a + 1);
          }
          return;
        }
        for (int a = 0; a < n; a++) {
          if (isAnchor(events, a)) {
            sink.path(events, a, forwardEnd(events, a, n) - a + 1);
            if (firstOnly) {
              return;
            }
          }
        }
      }
      case TO -> {
        if (anchorClass != null && !firstOnly) {
          int[] anchors = anchors(events, sink);
          for (int k = 0, a; (a = anchors[k]) >= 0; k++) {
            int first = backwardFirst(events, a);
            sink.path(events, first, a - first + 1);
          }
          return;
        }
        for (int a = 0; a < n; a++) {
          if (isAnchor(events, a)) {
            int first = backwardFirst(events, a);
            sink.path(events, first, a - first + 1);
            if (firstOnly) {
              return;
            }
          }
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }

  private boolean isAnchor(EventSequence events, int a) {
    return anchorClass != null ? anchorClass[events.eventClass(a)] != 0 : anchor.test(events, a);
  }

  /**
   * The anchor positions, ended by -1, gathered without a branch per event (anchors are a
   * fraction of the events in no predictable order, so a branch would be mispredicted often).
   */
  private int[] anchors(EventSequence events, Sink sink) {
    int n = events.size();
    int[] anchors = sink.scratch(n + 1);
    int k = 0;
    for (int a = 0; a < n; a++) {
      anchors[k] = a;
      k += anchorClass[events.eventClass(a)];
    }
    anchors[k] = -1;
    return anchors;
  }

  /** The last event of the forward path from anchor {@code a}. */
  private int forwardEnd(EventSequence events, int a, int n) {
    int limit = (int) Math.min(n - 1L, a + (long) length - 1);
    if (untimed) {
      return limit;
    }
    int end = a;
    long t = events.ts(a);
    long previous = t;
    while (end < limit) {
      long next = events.ts(end + 1);
      if (next - previous > gap || next - t > window) {
        break;
      }
      previous = next;
      end++;
    }
    return end;
  }

  /** The first event of the backward path that ends at anchor {@code a}. */
  private int backwardFirst(EventSequence events, int a) {
    int limit = (int) Math.max(0L, a - (long) length + 1);
    if (untimed) {
      return limit;
    }
    int first = a;
    long t = events.ts(a);
    long next = t;
    while (first > limit) {
      long previous = events.ts(first - 1);
      if (next - previous > gap || t - previous > window) {
        break;
      }
      next = previous;
      first--;
    }
    return first;
  }
}
