package org.itinera.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Measure;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.Vocabulary;

/**
 * A view of one customer of a {@link CustomerBlock}, re-pointed at each customer in turn (one per
 * fold). The query's property flags are evaluated when it is positioned, parsing each event's
 * properties once, and only when the query has flags.
 */
final class BlockSequence implements EventSequence {
  private final Vocabulary vocabulary;
  private final List<PropertyPredicate> flagPredicates;
  private CustomerBlock block;
  private int c;
  private int from;
  private int size;
  private int ordinal;
  private boolean[][] flags;

  BlockSequence(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.flagPredicates = vocabulary.flags();
    this.flags = new boolean[flagPredicates.size()][64];
  }

  void position(CustomerBlock newBlock, int customer, int globalOrdinal) {
    block = newBlock;
    c = customer;
    from = newBlock.start[customer];
    size = newBlock.start[customer + 1] - from;
    ordinal = globalOrdinal;
    if (flags.length == 0) {
      return;
    }
    if (flags[0].length < size) {
      flags = new boolean[flags.length][Math.max(size, 2 * flags[0].length)];
    }
    for (int i = 0; i < size; i++) {
      JsonNode properties = block.properties(from + i);
      for (int f = 0; f < flags.length; f++) {
        flags[f][i] = flagPredicates.get(f).test(properties);
      }
    }
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int customer() {
    return ordinal;
  }

  @Override
  public String customerId() {
    return block.ids[c];
  }

  /** Partitions are id ranges in order, and ranks order each partition's ids. */
  @Override
  public long customerKey() {
    return ((long) block.partition << 32) | block.rank[c];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long ts(int i) {
    return block.ts[from + i];
  }

  @Override
  public int eventClass(int i) {
    return block.classes[from + i];
  }

  @Override
  public double measure(Measure measure, int i) {
    double[] values = block.measures[measure.ordinal()];
    return values == null ? Double.NaN : values[from + i];
  }

  @Override
  public boolean flag(int flag, int i) {
    return flags[flag][i];
  }
}
