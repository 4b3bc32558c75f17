package org.itinera.path;

import java.io.Serializable;
import java.util.Objects;
import org.itinera.ItineraException;
import org.itinera.sequence.SequenceFilter;

/**
 * A paths query. A path is a run of consecutive events (in the filtered sequence) that starts at an
 * anchor event and runs forward, or ends at it and runs backward, for at most {@code length}
 * events; it stops early at the end of the journey, before an event more than {@code
 * sessionGapMs} after the previous one, and before an event more than {@code windowMs} away from
 * the anchor. Paths are known by their event names.
 *
 * @param length events per path including the anchor, 1 to 1000; 0 for no limit (whole
 *     sessions or journeys, i.e. process variants)
 * @param sessionGapMs null for no sessions
 * @param windowMs null for no limit
 * @param firstOnly when true, only the first anchor occurrence of each customer counts
 * @param top how many paths to return, most frequent first, 1 to 100,000
 */
public record PathSpec(Anchor anchor, int length, Long sessionGapMs, Long windowMs,
    boolean firstOnly, int top, SequenceFilter filter) implements Serializable {

  public static final int MAX_LENGTH = 1000;
  public static final int MAX_TOP = 100_000;

  public PathSpec {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(filter, "filter");
    if (length < 0 || length > MAX_LENGTH) {
      throw ItineraException.invalid("length", "path length is " + length + "; expected 1 to "
          + MAX_LENGTH + ", or 0 for whole sessions");
    }
    if (sessionGapMs != null && sessionGapMs <= 0) {
      throw ItineraException.invalid("sessionGap", "the session gap must be positive, was "
          + sessionGapMs + " ms");
    }
    if (windowMs != null && windowMs < 0) {
      throw ItineraException.invalid("window", "the path window is negative: " + windowMs + " ms");
    }
    if (top < 1 || top > MAX_TOP) {
      throw ItineraException.invalid("top", "top is " + top + "; expected 1 to " + MAX_TOP);
    }
  }

  public static PathSpec of(Anchor anchor, int length) {
    return new PathSpec(anchor, length, null, null, false, 10, SequenceFilter.NONE);
  }

  public PathSpec withSessionGap(Long gapMs) {
    return new PathSpec(anchor, length, gapMs, windowMs, firstOnly, top, filter);
  }

  public PathSpec withWindow(Long newWindowMs) {
    return new PathSpec(anchor, length, sessionGapMs, newWindowMs, firstOnly, top, filter);
  }

  public PathSpec withFirstOnly(boolean newFirstOnly) {
    return new PathSpec(anchor, length, sessionGapMs, windowMs, newFirstOnly, top, filter);
  }

  public PathSpec withTop(int newTop) {
    return new PathSpec(anchor, length, sessionGapMs, windowMs, firstOnly, newTop, filter);
  }

  public PathSpec withFilter(SequenceFilter newFilter) {
    return new PathSpec(anchor, length, sessionGapMs, windowMs, firstOnly, top, newFilter);
  }
}
