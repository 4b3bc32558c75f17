package org.itinera.journeymap;

/**
 * Moves between consecutive different stages of a customer's journey (events outside every stage
 * ignored). {@code kind}: {@code entry} (from {@code (start)} to the first stage), {@code forward}
 * (to the next stage), {@code skip} (past at least one stage), {@code back} (to an earlier stage).
 *
 * @param count moves
 * @param customers distinct customers who made the move
 */
public record TransitionResult(String from, String to, String kind, long count, long customers) {
  public static final String START = "(start)";
}
