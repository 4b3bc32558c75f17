package org.itinera.journeymap;

/** A touchpoint over all events (in a stage or not): volume, customers, emotion. */
public record TouchpointResult(String touchpoint, long events, long customers, Emotion emotion) {}
