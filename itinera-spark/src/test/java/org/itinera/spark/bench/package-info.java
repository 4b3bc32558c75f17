/**
 * The Spark engine's scaling runner (in the test tree, where Spark and DuckDB are on the class
 * path): synthetic events written as Parquet, then every analysis in Spark local mode with 1 and
 * 2 cores. How to run it and the measured figures: docs/SPARK.md.
 */
package org.itinera.spark.bench;
