/**
 * The cluster engine: the core's sequence analyses (funnels, paths, journey map, retention) run
 * unchanged inside Apache Spark over a Parquet data set with the canonical event columns, and an
 * optional profiles data set for trait filters and trait or segment breakdowns. {@link
 * org.itinera.spark.SparkSource} is a {@link org.itinera.sequence.SequenceSource} like the embedded
 * index: it loads the events once, range-partitioned by customer and sorted into journey order,
 * as columnar customer blocks persisted on the executors, folds each partition's customers into
 * one partial aggregate and merges the partials with a tree reduce. {@link
 * org.itinera.spark.IdentityResolution} stitches customers from raw ids with the embedded identity
 * graph's naming rule; {@link org.itinera.spark.ItineraSparkJob} is the {@code spark-submit} entry
 * point. See docs/SPARK.md.
 */
package org.itinera.spark;
