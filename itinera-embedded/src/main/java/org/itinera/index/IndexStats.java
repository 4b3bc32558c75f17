package org.itinera.index;

/**
 * What the index holds and what it costs.
 *
 * @param bytes heap bytes of the index's arrays (events, customer directory, side tables)
 * @param bytesPerEvent bytes / events (0 when empty)
 * @param tailEvents events appended since the last full build
 */
public record IndexStats(long events, int customers, int eventClasses, long bytes,
    double bytesPerEvent, long maxSeq, int tailEvents) {}
