package org.itinera.spark;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.itinera.ItineraException;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.CustomerLabels;
import org.itinera.sequence.PreparedQuery;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.SequenceSource;
import org.itinera.sequence.Vocabulary;

/**
 * The cluster engine: customer sequences held in a Spark data set, range-partitioned by customer
 * id and sorted within each partition by customer, time and arrival order, so that one pass over a
 * partition meets each customer's events contiguously and in journey order.
 *
 * <p>Design notes. Every analysis is the core's own {@link SequenceAnalysis}: the driver compiles
 * it against a {@link Vocabulary} of the data set's distinct (type, name, channel) triples, Spark
 * ships it to the executors, each partition folds its customers into one partial ({@link
 * PartitionFold}), and the partials are merged with a tree reduce. Range partitioning keeps
 * partitions in customer-id order, so {@code (partition << 32) | ordinal-in-partition} orders
 * customers by id as {@link org.itinera.sequence.EventSequence#customerKey()} requires; the
 * customer ordinal is the ordinal within the partition, which only customer-level labels would
 * read, and those are refused (below). The
 * partitioned, sorted events are persisted on first use and shared by every query of this source.
 *
 * <p>Customer-level breakdowns and trait filters need profile traits, which the event data set
 * does not carry; they are refused with a clear error (channel breakdowns work).
 */
public final class SparkSource implements SequenceSource, AutoCloseable {
  private final Dataset<Row> sorted;
  private Vocabulary vocabulary;

  private SparkSource(Dataset<Row> sorted) {
    this.sorted = sorted;
  }

  /**
   * A source over {@code events} (canonical columns, see docs/SPARK.md), in {@code partitions}
   * customer ranges.
   */
  public static SparkSource of(Dataset<Row> events, int partitions) {
    if (partitions < 1) {
      throw ItineraException.invalid("partitions", "must be at least 1, was " + partitions);
    }
    Dataset<Row> projected = EventColumns.project(events);
    Dataset<Row> sorted = projected
        .repartitionByRange(partitions, col(EventColumns.CUSTOMER))
        .sortWithinPartitions(col(EventColumns.CUSTOMER), col(EventColumns.TS), col("tie"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new SparkSource(sorted);
  }

  /** The dictionaries of the whole data set, computed once (a distinct over three columns). */
  public synchronized Vocabulary vocabulary() {
    if (vocabulary == null) {
      List<Row> triples = new ArrayList<>(sorted
          .select(EventColumns.TYPE, EventColumns.NAME, EventColumns.CHANNEL)
          .distinct().collectAsList());
      Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
      triples.sort(Comparator.comparing((Row r) -> r.getString(0), text)
          .thenComparing(r -> r.getString(1), text)
          .thenComparing(r -> r.getString(2), text));
      Vocabulary.Builder builder = Vocabulary.builder();
      for (Row r : triples) {
        if (r.isNullAt(0)) {
          throw ItineraException.invalid(EventColumns.TYPE,
              "some events have no type; every event needs one (track, page, identify, ...)");
        }
        builder.classOf(r.getString(0), r.getString(1), r.getString(2));
      }
      vocabulary = builder.build();
    }
    return vocabulary;
  }

  @Override
  public PreparedQuery prepare(SequenceFilter filter, List<PropertyPredicate> flags,
      List<Breakdown> breakdowns) {
    for (Breakdown b : breakdowns) {
      if (b.kind() != Breakdown.Kind.CHANNEL) {
        throw ItineraException.invalid("by", "the Spark engine breaks down by channel only; '"
            + b.label() + "' needs profile traits, which the event data set does not carry");
      }
    }
    if (!filter.traits().isEmpty()) {
      throw ItineraException.invalid("segment", "the Spark engine cannot filter by profile"
          + " traits " + filter.traits() + "; the event data set does not carry profiles");
    }
    return new Query(vocabulary().withFlags(flags), filter);
  }

  /** Releases the persisted events. */
  @Override
  public void close() {
    sorted.unpersist();
  }

  private final class Query implements PreparedQuery {
    private final Vocabulary v;
    private final SequenceFilter filter;

    Query(Vocabulary v, SequenceFilter filter) {
      this.v = v;
      this.filter = filter;
    }

    @Override
    public Vocabulary vocabulary() {
      return v;
    }

    @Override
    public CustomerLabels labels(int index) {
      return null; // channel breakdowns only, see prepare
    }

    @Override
    public <P extends Serializable, R> P run(SequenceAnalysis<P, R> analysis) {
      JavaRDD<Row> rows = sorted.javaRDD();
      if (rows.getNumPartitions() == 0) {
        return analysis.newPartial();
      }
      PartitionFold<P> fold = new PartitionFold<>(analysis, v, filter);
      return rows.mapPartitionsWithIndex(fold, false).treeReduce(analysis::merge);
    }
  }
}
