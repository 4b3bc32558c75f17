package org.itinera.path;

import java.io.Serializable;
import org.itinera.sequence.EventMatcher;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Vocabulary;

/** Enumerates one customer's path occurrences as position ranges; shared by both passes. */
final class PathWalker implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Receives each path occurrence: positions {@code first .. first + length - 1}. */
  interface Sink {
    void path(EventSequence events, int first, int length);
  }

  private final Anchor.Kind kind;
  private final EventMatcher anchor;
  private final int length;
  private final long gap;
  private final long window;
  private final boolean firstOnly;

  PathWalker(PathSpec spec, Vocabulary vocabulary) {
    this.kind = spec.anchor().kind();
    this.anchor = spec.anchor().event() == null ? null : spec.anchor().event().compile(vocabulary);
    this.length = spec.length() == 0 ? Integer.MAX_VALUE : spec.length();
    this.gap = spec.sessionGapMs() == null ? Long.MAX_VALUE : spec.sessionGapMs();
    this.window = spec.windowMs() == null ? Long.MAX_VALUE : spec.windowMs();
    this.firstOnly = spec.firstOnly();
  }

  /** The most events a path can have; {@link Integer#MAX_VALUE} when unlimited. */
  int maxLength() {
    return length;
  }

  void walk(EventSequence events, Sink sink) {
    int n = events.size();
    int last = kind == Anchor.Kind.START && gap == Long.MAX_VALUE ? Math.min(n, 1) : n;
    for (int a = 0; a < last; a++) {
      if (!isAnchor(events, a)) {
        continue;
      }
      if (kind == Anchor.Kind.TO) {
        int first = a;
        long t = events.ts(a);
        while (first > 0 && a - first + 1 < length
            && events.ts(first) - events.ts(first - 1) <= gap
            && t - events.ts(first - 1) <= window) {
          first--;
        }
        sink.path(events, first, a - first + 1);
      } else {
        int end = a;
        long t = events.ts(a);
        while (end + 1 < n && end - a + 1 < length
            && events.ts(end + 1) - events.ts(end) <= gap && events.ts(end + 1) - t <= window) {
          end++;
        }
        sink.path(events, a, end - a + 1);
      }
      if (firstOnly) {
        return;
      }
    }
  }

  private boolean isAnchor(EventSequence events, int a) {
    return switch (kind) {
      case START -> a == 0 || events.ts(a) - events.ts(a - 1) > gap;
      case FROM, TO -> anchor.test(events, a);
      case EVERY -> true;
    };
  }
}
