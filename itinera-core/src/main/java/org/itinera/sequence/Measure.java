package org.itinera.sequence;

/** The numeric event fields analyses can read per event (see {@link EventSequence#measure}). */
public enum Measure {
  /** Text-analytics sentiment in [-1, 1]. */
  SENTIMENT,
  /** NPS, CSAT, CES or stars, as sent. */
  RATING,
  /** Money, in the event's currency. */
  REVENUE
}
