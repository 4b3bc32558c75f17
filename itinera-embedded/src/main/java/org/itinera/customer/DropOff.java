package org.itinera.customer;

import java.util.List;
import org.itinera.ItineraException;
import org.itinera.sequence.EventExpression;

/**
 * "Dropped at step k of this funnel": customers who reached step {@code k - 1} of the funnel
 * over {@code steps} (every step within {@code windowMs} of step 1, when given) but never step
 * {@code k}. The same customers as the funnel's drop-off at step k (docs/JOURNEY.md).
 *
 * @param steps the funnel's steps in order, at least two: event expressions (names, optionally
 *     with conditions, {@link EventExpression})
 * @param step the step they did not reach, 2 to the number of steps
 * @param windowMs every step within this long of step 1, or null for no limit
 */
public record DropOff(List<String> steps, int step, Long windowMs) {
  public DropOff {
    steps = List.copyOf(steps);
    if (steps.size() < 2) {
      throw ItineraException.invalid("droppedAt", "a drop-off needs a funnel of at least two"
          + " steps; got " + steps);
    }
    if (step < 2 || step > steps.size()) {
      throw ItineraException.invalid("droppedAt", "step " + step + " is not a step customers"
          + " can drop at in this " + steps.size() + "-step funnel; use 2 to " + steps.size());
    }
    if (windowMs != null && windowMs < 0) {
      throw ItineraException.invalid("window", "the funnel window is negative (" + windowMs
          + " ms)");
    }
  }

  /**
   * Parses {@code "A,B,C:K"}: the steps (event expressions) separated by commas, then a colon and
   * the step they dropped at (K from 2); without {@code :K}, the last step.
   */
  public static DropOff parse(String text, Long windowMs) {
    if (text == null || text.isBlank()) {
      throw ItineraException.invalid("droppedAt", "give the funnel's steps and the step, such as"
          + " \"Product Viewed,Checkout Started,Order Completed:3\"");
    }
    String spec = text.strip();
    int colon = spec.lastIndexOf(':');
    String stepsText = spec;
    Integer k = null;
    if (colon > 0 && spec.substring(colon + 1).strip().matches("\\d{1,4}")) {
      k = Integer.parseInt(spec.substring(colon + 1).strip());
      stepsText = spec.substring(0, colon);
    }
    List<String> steps = EventExpression.split("droppedAt", stepsText);
    steps.forEach(s -> EventExpression.parse("droppedAt", s)); // refused here, naming the field
    return new DropOff(steps, k == null ? steps.size() : k, windowMs);
  }
}
