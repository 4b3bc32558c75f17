package org.itinera.path;

import java.io.Serializable;
import java.util.Objects;
import org.itinera.sequence.EventPredicate;

/**
 * Where paths are anchored.
 *
 * <ul>
 *   <li>{@code START}: each customer's first event, or each session's first event when the query
 *       has a session gap; paths run forward.
 *   <li>{@code FROM}: every event matching {@code event}; paths run forward from it.
 *   <li>{@code TO}: every event matching {@code event}; paths run backward and end at it.
 *   <li>{@code EVERY}: every event; with length 2 the paths are the directly-follows pairs.
 * </ul>
 */
public record Anchor(Kind kind, EventPredicate event) implements Serializable {

  public enum Kind { START, FROM, TO, EVERY }

  public Anchor {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.FROM || kind == Kind.TO) != (event != null)) {
      throw new IllegalArgumentException(kind + " anchors " + (event == null ? "need" : "take no")
          + " event");
    }
  }

  public static Anchor start() {
    return new Anchor(Kind.START, null);
  }

  public static Anchor every() {
    return new Anchor(Kind.EVERY, null);
  }

  public static Anchor from(EventPredicate event) {
    return new Anchor(Kind.FROM, event);
  }

  public static Anchor to(EventPredicate event) {
    return new Anchor(Kind.TO, event);
  }

  boolean backward() {
    return kind == Kind.TO;
  }
}
