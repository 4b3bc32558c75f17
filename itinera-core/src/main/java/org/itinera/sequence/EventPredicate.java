package org.itinera.sequence;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which events count: any of {@code names}, any of {@code types}, any of {@code channels}, and all
 * of the property predicates. An empty list places no condition, so the empty predicate matches
 * every event.
 */
public record EventPredicate(
    List<String> names,
    List<String> types,
    List<String> channels,
    List<PropertyPredicate> properties) implements Serializable {

  public EventPredicate {
    names = List.copyOf(names);
    types = List.copyOf(types);
    channels = List.copyOf(channels);
    properties = List.copyOf(properties);
  }

  /** Events with this name (or, when they have no name, this type). */
  public static EventPredicate named(String name) {
    Objects.requireNonNull(name, "name");
    return new EventPredicate(List.of(name), List.of(), List.of(), List.of());
  }

  public static EventPredicate any() {
    return new EventPredicate(List.of(), List.of(), List.of(), List.of());
  }

  public EventPredicate withChannels(List<String> newChannels) {
    return new EventPredicate(names, types, newChannels, properties);
  }

  public EventPredicate withProperties(List<PropertyPredicate> newProperties) {
    return new EventPredicate(names, types, channels, newProperties);
  }

  /** A short human label: the names, else the types, else the channels, else "any event". */
  public String label() {
    List<String> first = !names.isEmpty() ? names : !types.isEmpty() ? types : channels;
    return first.isEmpty() ? "any event" : String.join(" | ", first);
  }

  /**
   * Compiles against a vocabulary whose flags include every property predicate used here. Names,
   * types or channels the vocabulary does not know simply match nothing.
   */
  public EventMatcher compile(Vocabulary vocabulary) {
    boolean[] classOk = new boolean[vocabulary.classCount()];
    for (int c = 0; c < classOk.length; c++) {
      classOk[c] = contains(names, vocabulary.name(vocabulary.nameOfClass(c)))
          && contains(types, vocabulary.type(vocabulary.typeOfClass(c)))
          && contains(channels, vocabulary.channel(vocabulary.channelOfClass(c)));
    }
    int[] flags = properties.stream().mapToInt(p -> {
      int f = vocabulary.flagIndex(p);
      if (f < 0) {
        throw new IllegalStateException("the engine did not evaluate property predicate " + p);
      }
      return f;
    }).toArray();
    return new EventMatcher(classOk, flags);
  }

  /** Every property predicate in these event predicates, for the engine to evaluate as flags. */
  public static List<PropertyPredicate> flagsOf(Stream<EventPredicate> predicates) {
    return predicates.flatMap(p -> p.properties().stream()).distinct().toList();
  }

  private static boolean contains(List<String> allowed, String value) {
    return allowed.isEmpty() || allowed.contains(value);
  }
}
