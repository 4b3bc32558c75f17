package org.itinera.sequence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dictionaries of one source snapshot: event names, types and channels, and the event classes
 * (distinct type, name, channel triples) that events are coded by, plus the property predicates a
 * query asked the engine to evaluate per event (its flags).
 *
 * <p>Coding events by class rather than by name lets an analysis compile any combination of name,
 * type and channel conditions into one lookup table indexed by class. An event without a name is
 * known by its type (an {@code identify} call is named {@code identify}); an event without a
 * channel has the channel {@value #NO_CHANNEL}.
 *
 * <p>Immutable. Ids are dense and stable within a snapshot; an engine that grows (new events with
 * new names) publishes a new vocabulary whose ids extend the old one's.
 */
public final class Vocabulary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The channel of events that carry none. */
  public static final String NO_CHANNEL = "(none)";

  private final List<String> names;
  private final List<String> types;
  private final List<String> channels;
  private final int[] className;
  private final int[] classType;
  private final int[] classChannel;
  private final List<PropertyPredicate> flags;
  private final Map<String, Integer> nameIds;
  private final Map<String, Integer> typeIds;
  private final Map<String, Integer> channelIds;

  private Vocabulary(Builder b, List<PropertyPredicate> flags) {
    this.names = List.copyOf(b.names);
    this.types = List.copyOf(b.types);
    this.channels = List.copyOf(b.channels);
    this.className = Arrays.copyOf(b.className, b.classes);
    this.classType = Arrays.copyOf(b.classType, b.classes);
    this.classChannel = Arrays.copyOf(b.classChannel, b.classes);
    this.flags = List.copyOf(flags);
    this.nameIds = Map.copyOf(b.nameIds);
    this.typeIds = Map.copyOf(b.typeIds);
    this.channelIds = Map.copyOf(b.channelIds);
  }

  private Vocabulary(Vocabulary v, List<PropertyPredicate> flags) {
    this.names = v.names;
    this.types = v.types;
    this.channels = v.channels;
    this.className = v.className;
    this.classType = v.classType;
    this.classChannel = v.classChannel;
    this.flags = List.copyOf(flags);
    this.nameIds = v.nameIds;
    this.typeIds = v.typeIds;
    this.channelIds = v.channelIds;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts with this vocabulary's ids (flags are not carried over). */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int c = 0; c < classCount(); c++) {
      b.classOf(types.get(classType[c]), names.get(className[c]), channels.get(classChannel[c]));
    }
    return b;
  }

  /** The same dictionaries with the given per-event flags. */
  public Vocabulary withFlags(List<PropertyPredicate> newFlags) {
    return new Vocabulary(this, newFlags);
  }

  public int classCount() {
    return className.length;
  }

  public int nameOfClass(int cls) {
    return className[cls];
  }

  public int typeOfClass(int cls) {
    return classType[cls];
  }

  public int channelOfClass(int cls) {
    return classChannel[cls];
  }

  public List<String> names() {
    return names;
  }

  public List<String> types() {
    return types;
  }

  public List<String> channels() {
    return channels;
  }

  public List<PropertyPredicate> flags() {
    return flags;
  }

  public String name(int id) {
    return names.get(id);
  }

  public String type(int id) {
    return types.get(id);
  }

  public String channel(int id) {
    return channels.get(id);
  }

  /** The id of an event name, or -1 when no event in the source has it. */
  public int nameId(String name) {
    return nameIds.getOrDefault(name, -1);
  }

  public int typeId(String type) {
    return typeIds.getOrDefault(type, -1);
  }

  public int channelId(String channel) {
    return channelIds.getOrDefault(channel == null ? NO_CHANNEL : channel, -1);
  }

  /** Index of {@code predicate} among this query's flags, or -1. */
  public int flagIndex(PropertyPredicate predicate) {
    return flags.indexOf(predicate);
  }

  /** Collects dictionaries in first-seen order. Not thread-safe. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<String> channels = new ArrayList<>();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final Map<String, Integer> typeIds = new HashMap<>();
    private final Map<String, Integer> channelIds = new HashMap<>();
    private final Map<List<Integer>, Integer> classIds = new HashMap<>();
    private int[] className = new int[16];
    private int[] classType = new int[16];
    private int[] classChannel = new int[16];
    private int classes;

    private Builder() {}

    /** The class id of an event with these fields, adding it if new. */
    public int classOf(String type, String name, String channel) {
      Objects.requireNonNull(type, "type");
      int t = id(type, types, typeIds);
      int n = id(name == null ? type : name, names, nameIds);
      int c = id(channel == null ? NO_CHANNEL : channel, channels, channelIds);
      Integer existing = classIds.get(List.of(t, n, c));
      if (existing != null) {
        return existing;
      }
      if (classes == className.length) {
        className = Arrays.copyOf(className, classes * 2);
        classType = Arrays.copyOf(classType, classes * 2);
        classChannel = Arrays.copyOf(classChannel, classes * 2);
      }
      className[classes] = n;
      classType[classes] = t;
      classChannel[classes] = c;
      classIds.put(List.of(t, n, c), classes);
      return classes++;
    }

    public int classCount() {
      return classes;
    }

    public Vocabulary build() {
      return new Vocabulary(this, List.of());
    }

    private static int id(String value, List<String> list, Map<String, Integer> ids) {
      Integer id = ids.get(value);
      if (id == null) {
        id = list.size();
        list.add(value);
        ids.put(value, id);
      }
      return id;
    }
  }
}
