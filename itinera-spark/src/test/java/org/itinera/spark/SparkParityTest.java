package org.itinera.spark;

import org.itinera.sequence.SequenceSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The parity test: the Spark engine, in local mode over the exported Parquet data set, returns
 * exactly what the embedded index returns over the DuckDB store it was exported from.
 */
class SparkParityTest extends AnalysisContract {
  private static SparkSource spark;

  @BeforeAll
  static void start() {
    spark = SparkSource.of(LocalSpark.session().read().parquet(
        DemoData.get().parquet.toString()), 3);
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
