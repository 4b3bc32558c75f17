package org.itinera.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.itinera.event.Event;

/**
 * The simplest engine: canonical {@link Event}s held as objects, one thread. Meant for tests, small
 * imports and as the yardstick other engines are compared with; it evaluates property and trait
 * predicates in Java with {@link PropertyPredicate#test}. The list order of the events is their
 * arrival order. Customers get ordinals in customer-id code-point order, so the ordinal is also
 * the {@link EventSequence#customerKey()}.
 */
public final class InMemorySource implements SequenceSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<List<Event>> customers = new ArrayList<>();
  private final List<String> customerIds = new ArrayList<>();
  private final List<JsonNode> traits = new ArrayList<>();
  private final List<int[]> classes = new ArrayList<>();
  private final Vocabulary vocabulary;
  private final int partitions;

  /**
   * @param events events in arrival order; each must have a customer id
   * @param traitsJson profile traits (JSON object text) by customer id; may omit customers
   * @param partitions how many partials to fold into before merging (to exercise merge)
   */
  public InMemorySource(List<Event> events, Map<String, String> traitsJson, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    this.partitions = partitions;
    Map<String, List<Event>> byCustomer = new TreeMap<>(InMemorySource::compareCodePoints);
    for (Event e : events) {
      if (e.customerId() == null) {
        throw new IllegalArgumentException("event " + e.eventId() + " has no customer id");
      }
      byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
    }
    Vocabulary.Builder builder = Vocabulary.builder();
    byCustomer.forEach((id, list) -> {
      list.sort(Comparator.comparingLong(Event::ts)); // stable: ties keep arrival order
      classes.add(list.stream().mapToInt(e -> builder.classOf(e.type(), e.name(), e.channel()))
          .toArray());
      customers.add(list);
      customerIds.add(id);
      traits.add(parse(traitsJson.get(id)));
    });
    this.vocabulary = builder.build();
  }

  /**
   * Code-point (UTF-8 byte) order, which differs from String.compareTo for surrogates: the order
   * in which every engine numbers customers (DuckDB sorts VARCHAR by UTF-8 bytes).
   */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  public static InMemorySource of(List<Event> events) {
    return new InMemorySource(events, Map.of(), 1);
  }

  @Override
  public PreparedQuery prepare(SequenceFilter filter, List<PropertyPredicate> flags,
      List<Breakdown> breakdowns) {
    Vocabulary v = vocabulary.withFlags(flags);
    List<CustomerLabels> labels = new ArrayList<>();
    for (Breakdown b : breakdowns) {
      labels.add(b.kind() == Breakdown.Kind.CHANNEL ? null : labels(b));
    }
    return new Query(v, filter, labels);
  }

  private CustomerLabels labels(Breakdown b) {
    String[] value = new String[customers.size()];
    TreeSet<String> distinct = new TreeSet<>();
    for (int c = 0; c < value.length; c++) {
      value[c] = b.labelOf(traits.get(c));
      if (value[c] != null) {
        distinct.add(value[c]);
      }
    }
    List<String> names = b.labelNames(distinct);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.putIfAbsent(names.get(i), i);
    }
    int[] labelOf = new int[value.length];
    for (int c = 0; c < value.length; c++) {
      labelOf[c] = value[c] == null ? 0 : ids.get(value[c]);
    }
    return new CustomerLabels(labelOf, names);
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("traits are not JSON: " + json, e);
    }
  }

  private final class Query implements PreparedQuery {
    private final Vocabulary v;
    private final SequenceFilter filter;
    private final List<CustomerLabels> labels;

    Query(Vocabulary v, SequenceFilter filter, List<CustomerLabels> labels) {
      this.v = v;
      this.filter = filter;
      this.labels = labels;
    }

    @Override
    public Vocabulary vocabulary() {
      return v;
    }

    @Override
    public CustomerLabels labels(int index) {
      return labels.get(index);
    }

    @Override
    public <P extends Serializable, R> P run(SequenceAnalysis<P, R> analysis) {
      FilterView view = new FilterView(filter, v);
      List<P> partials = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        partials.add(analysis.newPartial());
      }
      for (int c = 0; c < customers.size(); c++) {
        JsonNode t = traits.get(c);
        if (!filter.traits().stream().allMatch(pred -> pred.test(t))) {
          continue;
        }
        EventSequence events = view.apply(new ListSequence(v, c, customerIds.get(c),
            customers.get(c), classes.get(c)));
        if (events.size() > 0) {
          analysis.accept(partials.get(c % partitions), events);
        }
      }
      P merged = partials.get(partitions - 1);
      for (int p = partitions - 2; p >= 0; p--) {
        merged = analysis.merge(partials.get(p), merged);
      }
      return merged;
    }
  }

  /** One customer's events as objects; flags evaluated eagerly. */
  private static final class ListSequence implements EventSequence {
    private final Vocabulary v;
    private final int customer;
    private final String customerId;
    private final List<Event> events;
    private final int[] classes;
    private final boolean[][] flags;

    ListSequence(Vocabulary v, int customer, String customerId, List<Event> events,
        int[] classes) {
      this.v = v;
      this.customer = customer;
      this.customerId = customerId;
      this.events = events;
      this.classes = classes;
      this.flags = new boolean[v.flags().size()][events.size()];
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        for (int f = 0; f < flags.length; f++) {
          flags[f][i] = v.flags().get(f).test(e.propertiesJson());
        }
      }
    }

    @Override
    public Vocabulary vocabulary() {
      return v;
    }

    @Override
    public int customer() {
      return customer;
    }

    @Override
    public String customerId() {
      return customerId;
    }

    @Override
    public int size() {
      return events.size();
    }

    @Override
    public long ts(int i) {
      return events.get(i).ts();
    }

    @Override
    public int eventClass(int i) {
      return classes[i];
    }

    @Override
    public double measure(Measure measure, int i) {
      Event e = events.get(i);
      Double value = switch (measure) {
        case SENTIMENT -> e.sentiment();
        case RATING -> e.rating();
        case REVENUE -> e.revenue();
      };
      return value == null ? Double.NaN : value;
    }

    @Override
    public boolean flag(int flag, int i) {
      return flags[flag][i];
    }
  }
}
