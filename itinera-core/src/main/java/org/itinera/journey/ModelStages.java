package org.itinera.journey;

import java.util.List;
import org.itinera.event.Event;
import org.itinera.journal.StageOf;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;

/**
 * A journey model's stage of one event, by the same rules the engine applies to sequences: the
 * first rule whose condition holds wins; an event's name is its name, or its type when it has
 * none; an event without a channel has the channel {@code (none)}. For code that sees events one
 * at a time (journals, pain points of a stage) rather than whole sequences.
 */
public final class ModelStages implements StageOf {
  /** The channel of an event that has none, as rules and filters name it. */
  public static final String NO_CHANNEL = "(none)";

  private final List<StageRule> rules;

  public ModelStages(JourneyModel model) {
    this.rules = model.rules();
  }

  @Override
  public String stageOf(Event e) {
    String name = e.name() != null ? e.name() : e.type();
    String channel = e.channel() != null ? e.channel() : NO_CHANNEL;
    for (StageRule r : rules) {
      if (matches(r.when(), name, e.type(), channel, e.propertiesJson())) {
        return r.stage();
      }
    }
    return null;
  }

  /** Whether an event matches a rule's or a goal's condition, by the rules of this class. */
  public static boolean matches(EventPredicate p, Event e) {
    return matchesColumns(p, e.name(), e.type(), e.channel(), e.propertiesJson());
  }

  /** As {@link #matches(EventPredicate, Event)}, for an event read as its stored columns. */
  public static boolean matchesColumns(EventPredicate p, String name, String type,
      String channel, String propertiesJson) {
    return matches(p, name != null ? name : type, type, channel != null ? channel : NO_CHANNEL,
        propertiesJson);
  }

  private static boolean matches(EventPredicate p, String name, String type, String channel,
      String properties) {
    if (!in(p.names(), name) || !in(p.types(), type) || !in(p.channels(), channel)) {
      return false;
    }
    for (PropertyPredicate pp : p.properties()) {
      if (!pp.test(properties)) {
        return false;
      }
    }
    return true;
  }

  private static boolean in(List<String> allowed, String value) {
    return allowed.isEmpty() || allowed.contains(value);
  }
}
