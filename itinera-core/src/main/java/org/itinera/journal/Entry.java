package org.itinera.journal;

/**
 * One event on the timeline, with what makes it meaningful to a reader.
 *
 * @param stageEntered the journey stage this event moved the customer into, or null
 * @param resolutionMinutes for a ticket that was resolved, minutes from opening to resolution
 */
public record Entry(
    String eventId,
    long ts,
    String type,
    String name,
    String channel,
    String stageEntered,
    String text,
    String lang,
    Double sentiment,
    String emotion,
    Double rating,
    Double revenue,
    String currency,
    Long resolutionMinutes) {}
