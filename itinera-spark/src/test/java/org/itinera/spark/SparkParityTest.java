package org.itinera.spark;

import org.itinera.sequence.SequenceSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The parity test: the Spark engine, in local mode over the exported Parquet data set, returns
 * exactly what the embedded index returns over the DuckDB store it was exported from, profiles
 * (trait filters, trait and segment breakdowns) included.
 */
class SparkParityTest extends AnalysisContract {
  private static SparkSource spark;

  @BeforeAll
  static void start() {
    spark = SparkSource.builder(LocalSpark.session().read().parquet(
            DemoData.get().parquet.toString()))
        .profiles(LocalSpark.session().read().parquet(DemoData.get().profiles.toString()))
        .partitions(3).build();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.close();
    }
  }

  @Override
  protected SequenceSource engine() {
    return spark;
  }

  @Override
  protected SequenceSource reference() {
    return DemoData.get().index;
  }
}
