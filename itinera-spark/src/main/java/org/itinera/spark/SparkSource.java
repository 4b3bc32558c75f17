package org.itinera.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
 * The cluster engine: customer sequences loaded once into Spark as columnar {@link
 * CustomerBlock}s, range-partitioned by customer id, and every query a fold over them.
 *
 * <p>Design notes. Loading (eager, in {@link Builder#build()}): one {@code distinct} over (type,
 * name, channel) gives the {@link Vocabulary}; a broadcast join codes each event's class as an int
 * before the shuffle; the profiles (optional) join the events as one row per customer; {@code
 * repartitionByRange(customer_id)} and {@code sortWithinPartitions(xxhash64(customer_id),
 * customer_id, ts, tie)} put each customer's profile and then its events, in journey order with
 * the embedded index's tie rule, contiguously in one partition; {@link BlockBuilder} packs each
 * partition's sorted internal rows into primitive arrays and ranks its customers by id; the blocks
 * are persisted (deserialized in memory, spilling to disk) and shared by every query. Only the needed columns are read, and the properties only when asked for.
 *
 * <p>Queries: every analysis is the core's own {@link SequenceAnalysis}. The driver compiles it
 * against the vocabulary, Spark ships it to the executors, each partition folds its customers into
 * one partial ({@link BlockFold}) and the partials are merged with a tree reduce. Customer
 * ordinals are global and dense (each partition's count is known after the load); the {@link
 * org.itinera.sequence.EventSequence#customerKey()} is {@code (partition << 32) | rank by id in
 * the partition}, which orders customers by id because the partitions are id ranges in order. Trait filters are evaluated per
 * customer in the fold; trait and segment breakdowns become {@link CustomerLabels} by ordinal
 * ({@link TraitLabels}), with the core's {@link PropertyPredicate} and {@link Breakdown} rules.
 */
public final class SparkSource implements SequenceSource, AutoCloseable {
  private final JavaRDD<CustomerBlock> blocks;
  private final Vocabulary vocabulary;
  private final int[] offsets;
  private final int customers;
  private final boolean properties;
  private final boolean profiles;

  private SparkSource(JavaRDD<CustomerBlock> blocks, Vocabulary vocabulary, int[] offsets,
      int customers, boolean properties, boolean profiles) {
    this.blocks = blocks;
    this.vocabulary = vocabulary;
    this.offsets = offsets;
    this.customers = customers;
    this.properties = properties;
    this.profiles = profiles;
  }

  /**
   * A source over {@code events} (canonical columns, see docs/SPARK.md), in {@code partitions}
   * customer ranges, with event properties and without profiles.
   */
  public static SparkSource of(Dataset<Row> events, int partitions) {
    return builder(events).partitions(partitions).build();
  }

  public static Builder builder(Dataset<Row> events) {
    return new Builder(events);
  }

  /** The dictionaries of the whole data set. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Customers with at least one event. */
  public int customers() {
    return customers;
  }

  @Override
  public PreparedQuery prepare(SequenceFilter filter, List<PropertyPredicate> flags,
      List<Breakdown> breakdowns) {
    if (!flags.isEmpty() && !properties) {
      throw ItineraException.invalid("properties", "the query tests event properties " + flags
          + ", but this Spark source was loaded without them; load it with properties(true)");
    }
    boolean needsTraits = !filter.traits().isEmpty()
        || breakdowns.stream().anyMatch(b -> b.kind() != Breakdown.Kind.CHANNEL);
    if (needsTraits && !profiles) {
      throw ItineraException.invalid("profiles", "the query filters or breaks down by profile"
          + " traits, but no profiles data set was given; pass the one 'itinera export' writes"
          + " next to the events (--profiles DIR)");
    }
    List<CustomerLabels> labels = new ArrayList<>();
    for (Breakdown b : breakdowns) {
      labels.add(b.kind() == Breakdown.Kind.CHANNEL ? null
          : TraitLabels.resolve(blocks, b, offsets, customers));
    }
    return new Query(vocabulary.withFlags(flags), filter, labels);
  }

  /** Releases the persisted events. */
  @Override
  public void close() {
    blocks.unpersist(false);
  }

  /** How to load a source; checked as it is built. */
  public static final class Builder {
    private final Dataset<Row> events;
    private Dataset<Row> profiles;
    private int partitions;
    private boolean properties = true;
    private StorageLevel storage = StorageLevel.MEMORY_AND_DISK();

    private Builder(Dataset<Row> events) {
      this.events = events;
      this.partitions = 4 * events.sparkSession().sparkContext().defaultParallelism();
    }

    /** The profiles data set ({@code customer_id}, {@code traits}); default none. */
    public Builder profiles(Dataset<Row> newProfiles) {
      this.profiles = newProfiles;
      return this;
    }

    /** Customer ranges; default 4 × the default parallelism. */
    public Builder partitions(int n) {
      if (n < 1) {
        throw ItineraException.invalid("partitions", "must be at least 1, was " + n);
      }
      this.partitions = n;
      return this;
    }

    /**
     * Whether to keep event properties (needed by property conditions of funnel steps, anchors,
     * retention events and journey rules); default true.
     */
    public Builder properties(boolean keep) {
      this.properties = keep;
      return this;
    }

    /** Where the blocks are persisted; default memory, spilling to disk. */
    public Builder storage(StorageLevel level) {
      this.storage = level;
      return this;
    }

    /** Reads, partitions, sorts and persists the events (and profiles). */
    public SparkSource build() {
      Dataset<Row> projected = EventColumns.project(events, properties);
      DataType tsType = projected.schema().apply(EventColumns.TS).dataType();
      DataType tieType = projected.schema().apply(EventColumns.TIE).dataType();
      Vocabulary.Builder words = Vocabulary.builder();
      Dataset<Row> classes = classes(projected, words);
      Vocabulary vocabulary = words.build();
      Dataset<Row> coded = projected.join(broadcast(classes),
              projected.col(EventColumns.TYPE).eqNullSafe(classes.col("v_type"))
                  .and(projected.col(EventColumns.NAME).eqNullSafe(classes.col("v_name")))
                  .and(projected.col(EventColumns.CHANNEL).eqNullSafe(classes.col("v_channel"))))
          .select(col(EventColumns.CUSTOMER), col(EventColumns.TS), col(EventColumns.TIE),
              col("cls"), col(EventColumns.JSON), col(EventColumns.SENTIMENT),
              col(EventColumns.RATING), col(EventColumns.REVENUE));
      if (profiles != null) {
        coded = coded.union(ProfileColumns.project(profiles).select(col(EventColumns.CUSTOMER),
            lit(null).cast(tsType).as(EventColumns.TS), lit(null).cast(tieType)
                .as(EventColumns.TIE), lit(-1).as("cls"), col(EventColumns.TRAITS)
                .as(EventColumns.JSON), lit(null).cast(DataTypes.DoubleType)
                .as(EventColumns.SENTIMENT), lit(null).cast(DataTypes.DoubleType)
                .as(EventColumns.RATING), lit(null).cast(DataTypes.DoubleType)
                .as(EventColumns.REVENUE)));
      }
      // The hash first gives the sorter a 64-bit prefix that tells customers apart without
      // reading the rows (ids often share their first 8 bytes); it is computed once per row,
      // after the shuffle, as a last column. Nulls first: a customer's profile row (no time)
      // precedes its events.
      Dataset<Row> sorted = coded.repartitionByRange(partitions, col(EventColumns.CUSTOMER))
          .withColumn("h", xxhash64(col(EventColumns.CUSTOMER)))
          .sortWithinPartitions(col("h"), col(EventColumns.CUSTOMER), col(EventColumns.TS),
              col(EventColumns.TIE));
      JavaRDD<CustomerBlock> blocks = sorted.queryExecution().toRdd().toJavaRDD()
          .mapPartitionsWithIndex(new BlockBuilder(EventColumns.isMicros(tsType),
              BlockBuilder.BLOCK_EVENTS), true)
          .persist(storage);
      int n = blocks.getNumPartitions();
      int[] perPartition = new int[n];
      for (int[] count : blocks.map(b -> new int[] {b.partition, b.firstOrdinal + b.customers()})
          .collect()) {
        perPartition[count[0]] = Math.max(perPartition[count[0]], count[1]);
      }
      int[] offsets = new int[n];
      long total = 0;
      for (int p = 0; p < n; p++) {
        offsets[p] = (int) total;
        total += perPartition[p];
      }
      if (total > Integer.MAX_VALUE) {
        blocks.unpersist(false);
        throw ItineraException.invalid("input", "the data set has " + total + " customers; one"
            + " source holds at most " + Integer.MAX_VALUE);
      }
      return new SparkSource(blocks, vocabulary, offsets, (int) total, properties,
          profiles != null);
    }

    /** The distinct (type, name, channel) triples with their class ids, in a stable order. */
    private static Dataset<Row> classes(Dataset<Row> projected, Vocabulary.Builder words) {
      List<Row> triples = new ArrayList<>(projected
          .select(EventColumns.TYPE, EventColumns.NAME, EventColumns.CHANNEL)
          .distinct().collectAsList());
      Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
      triples.sort(Comparator.comparing((Row r) -> r.getString(0), text)
          .thenComparing(r -> r.getString(1), text)
          .thenComparing(r -> r.getString(2), text));
      List<Row> coded = new ArrayList<>();
      for (Row r : triples) {
        if (r.isNullAt(0)) {
          throw ItineraException.invalid(EventColumns.TYPE,
              "some events have no type; every event needs one (track, page, identify, ...)");
        }
        coded.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2),
            words.classOf(r.getString(0), r.getString(1), r.getString(2))));
      }
      StructType schema = new StructType()
          .add("v_type", DataTypes.StringType).add("v_name", DataTypes.StringType)
          .add("v_channel", DataTypes.StringType).add("cls", DataTypes.IntegerType);
      return projected.sparkSession().createDataFrame(coded, schema);
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
      if (blocks.getNumPartitions() == 0) {
        return analysis.newPartial();
      }
      return blocks.mapPartitions(new BlockFold<>(analysis, v, filter, offsets), true)
          .treeReduce(analysis::merge);
    }
  }
}
