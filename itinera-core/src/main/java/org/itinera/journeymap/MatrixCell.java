package org.itinera.journeymap;

/** One non-empty cell of the touchpoint by stage matrix. */
public record MatrixCell(String stage, String touchpoint, long events, long customers,
    Emotion emotion) {}
