package org.itinera.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.itinera.ItineraException;

/**
 * One dimension to split a result by. {@code CHANNEL} is a property of an event (which event is up
 * to the analysis: a funnel uses its step-1 event); {@code TRAIT} labels a customer with the text
 * of one profile trait ({@value #NO_VALUE} when absent); {@code SEGMENTS} labels a customer with
 * the first named segment whose trait predicates all hold ({@value #OTHER} when none does).
 */
public record Breakdown(Kind kind, String key, Map<String, List<PropertyPredicate>> segments)
    implements Serializable {

  public static final String NO_VALUE = "(none)";
  public static final String OTHER = "(other)";

  public enum Kind { CHANNEL, TRAIT, SEGMENTS }

  public Breakdown {
    Objects.requireNonNull(kind, "kind");
    Map<String, List<PropertyPredicate>> copy = new LinkedHashMap<>();
    segments.forEach((name, preds) -> copy.put(name, List.copyOf(preds)));
    segments = java.util.Collections.unmodifiableMap(copy);
    if (kind == Kind.TRAIT && (key == null || key.isBlank())) {
      throw ItineraException.invalid("by",
          "a trait breakdown needs a trait key, as in 'trait:plan'");
    }
    if (kind == Kind.SEGMENTS && segments.isEmpty()) {
      throw ItineraException.invalid("by", "a segment breakdown needs at least one segment");
    }
  }

  public static Breakdown channel() {
    return new Breakdown(Kind.CHANNEL, null, Map.of());
  }

  public static Breakdown trait(String key) {
    return new Breakdown(Kind.TRAIT, key, Map.of());
  }

  public static Breakdown segments(Map<String, List<PropertyPredicate>> segments) {
    return new Breakdown(Kind.SEGMENTS, null, segments);
  }

  /**
   * Parses the command-line form: {@code channel}, or {@code trait:KEY}. Segment breakdowns are
   * defined in files or requests, not on one flag.
   */
  public static Breakdown parse(String text) {
    if (text.equals("channel")) {
      return channel();
    }
    if (text.startsWith("trait:") && text.length() > "trait:".length()) {
      return trait(text.substring("trait:".length()));
    }
    throw ItineraException.invalid("by", "breakdown '" + text
        + "' is not 'channel' or 'trait:KEY' (for example 'trait:plan')");
  }

  /**
   * The breakdowns {@code by} names ({@link #parse(String, Map)}), with the named segments of
   * {@code definitions} ({@link #segments(String, List)}, errors naming {@code definitionsField}).
   * Segments defined but not broken down by are refused: the user meant something else.
   */
  public static List<Breakdown> parseAll(List<String> by, List<String> definitions,
      String definitionsField) {
    Map<String, List<PropertyPredicate>> defined = segments(definitionsField, definitions);
    if (!defined.isEmpty() && !by.contains("segment")) {
      throw ItineraException.invalid(definitionsField, "segments are defined but not used;"
          + " break down by segment");
    }
    return by.stream().map(b -> parse(b, defined)).toList();
  }

  /**
   * Parses {@code channel}, {@code trait:KEY} or {@code segment}, the last with the named segments
   * {@code definitions} gives ({@link #segments(String, List)}).
   */
  public static Breakdown parse(String text, Map<String, List<PropertyPredicate>> definitions) {
    if (text.equals("segment")) {
      if (definitions.isEmpty()) {
        throw ItineraException.invalid("by", "a breakdown by segment needs segments: define each"
            + " as NAME:CONDITIONS, such as 'gold buyers:plan=gold, orders>=3'");
      }
      return segments(definitions);
    }
    return parse(text);
  }

  /**
   * Named segments from their definitions, {@code NAME:CONDITIONS} each, the conditions on
   * profile traits in {@link EventExpression}'s form ({@code plan=gold|platinum, orders>=3}; all
   * must hold). A customer falls in the first segment it meets. Errors name {@code field}.
   */
  public static Map<String, List<PropertyPredicate>> segments(String field,
      List<String> definitions) {
    Map<String, List<PropertyPredicate>> out = new LinkedHashMap<>();
    for (String d : definitions) {
      int colon = d.indexOf(':');
      if (colon <= 0 || d.substring(0, colon).isBlank()) {
        throw ItineraException.invalid(field, "'" + d + "' is not NAME:CONDITIONS, such as"
            + " 'gold buyers:plan=gold, orders>=3'");
      }
      String name = d.substring(0, colon).strip();
      if (out.put(name, EventExpression.conditions(field, d.substring(colon + 1))) != null) {
        throw ItineraException.invalid(field, "segment '" + name + "' is defined twice");
      }
    }
    return out;
  }

  /** This dimension's label in results: {@code channel}, {@code trait:plan}, {@code segment}. */
  public String label() {
    return switch (kind) {
      case CHANNEL -> "channel";
      case TRAIT -> "trait:" + key;
      case SEGMENTS -> "segment";
    };
  }

  /**
   * The labels of a customer-level breakdown in the order every engine reports them: the no-value
   * label first ({@value #OTHER} for segments, {@value #NO_VALUE} for a trait), then the segments
   * in their order, or the trait values {@code seen} sorted.
   */
  public List<String> labelNames(Collection<String> seen) {
    List<String> names = new ArrayList<>();
    if (kind == Kind.SEGMENTS) {
      names.add(OTHER);
      names.addAll(segments.keySet());
    } else {
      TreeSet<String> distinct = new TreeSet<>(seen);
      distinct.remove(NO_VALUE);
      names.add(NO_VALUE);
      names.addAll(distinct);
    }
    return names;
  }

  /**
   * The label this customer-level breakdown gives a customer with these profile traits (null when
   * the customer has none): a {@code TRAIT} breakdown's trait text (a string's characters, other
   * values as JSON), a {@code SEGMENTS} breakdown's first segment whose predicates all hold; null
   * means the breakdown's no-value label ({@value #NO_VALUE} or {@value #OTHER}). Engines that
   * evaluate traits in Java share this rule; channel breakdowns label events, not customers.
   */
  public String labelOf(JsonNode traits) {
    if (kind == Kind.SEGMENTS) {
      for (Map.Entry<String, List<PropertyPredicate>> s : segments.entrySet()) {
        if (s.getValue().stream().allMatch(p -> p.test(traits))) {
          return s.getKey();
        }
      }
      return null;
    }
    if (kind != Kind.TRAIT) {
      throw new IllegalStateException("a channel breakdown labels events, not customers");
    }
    JsonNode node = traits;
    for (String k : key.split("\\.")) {
      node = node == null || !node.isObject() ? null : node.get(k);
    }
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
