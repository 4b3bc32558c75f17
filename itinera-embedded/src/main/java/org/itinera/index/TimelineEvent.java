package org.itinera.index;

/**
 * One event of a customer's timeline as the sequence index holds it: time (UTC epoch milliseconds),
 * type, name (the type for an event without one, as every analysis names it), channel (null when
 * none) and the numeric fields (null when absent). Properties and text stay in the store: the
 * journal reads those.
 */
public record TimelineEvent(long tsMs, String type, String name, String channel, Double sentiment,
    Double rating, Double revenue) {}
