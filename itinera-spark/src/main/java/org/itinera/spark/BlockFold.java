package org.itinera.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.FilterView;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.Vocabulary;

/**
 * Runs on an executor: walks one partition's persisted blocks, skips customers whose profile
 * traits fail the query's trait predicates, applies the event filter (the core's {@link
 * FilterView}) and folds each customer's remaining events into the partition's single partial.
 */
final class BlockFold<P extends Serializable>
    implements FlatMapFunction<Iterator<CustomerBlock>, P> {
  private static final long serialVersionUID = 1L;

  private final SequenceAnalysis<P, ?> analysis;
  private final Vocabulary vocabulary;
  private final SequenceFilter filter;
  private final int[] offsets;

  /** @param offsets the global ordinal of each partition's first customer */
  BlockFold(SequenceAnalysis<P, ?> analysis, Vocabulary vocabulary, SequenceFilter filter,
      int[] offsets) {
    this.analysis = analysis;
    this.vocabulary = vocabulary;
    this.filter = filter;
    this.offsets = offsets;
  }

  @Override
  public Iterator<P> call(Iterator<CustomerBlock> blocks) {
    P partial = analysis.newPartial();
    FilterView view = new FilterView(filter, vocabulary);
    BlockSequence customer = new BlockSequence(vocabulary);
    List<PropertyPredicate> traits = filter.traits();
    while (blocks.hasNext()) {
      CustomerBlock block = blocks.next();
      int base = offsets[block.partition] + block.firstOrdinal;
      for (int c = 0, n = block.customers(); c < n; c++) {
        if (!traits.isEmpty() && !matches(traits, block.traits(c))) {
          continue;
        }
        customer.position(block, c, base + c);
        EventSequence events = view.apply(customer);
        if (events.size() > 0) {
          analysis.accept(partial, events);
        }
      }
    }
    return List.of(partial).iterator();
  }

  private static boolean matches(List<PropertyPredicate> predicates, JsonNode traits) {
    for (PropertyPredicate p : predicates) {
      if (!p.test(traits)) {
        return false;
      }
    }
    return true;
  }
}
