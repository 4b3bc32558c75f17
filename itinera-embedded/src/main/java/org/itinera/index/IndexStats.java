package org.itinera.index;

import java.util.Map;

/**
 * What the index holds and what it costs.
 *
 * @param bytes heap bytes of the index's arrays (events, customer directory, side tables)
 * @param bytesPerEvent bytes / events (0 when empty)
 * @param tailEvents events appended since the last full build
 * @param lastBuildMs wall-clock milliseconds of each phase of the last full build, in order
 */
public record IndexStats(long events, int customers, int eventClasses, long bytes,
    double bytesPerEvent, long maxSeq, int tailEvents, Map<String, Long> lastBuildMs) {
  public IndexStats {
    lastBuildMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastBuildMs));
  }
}
