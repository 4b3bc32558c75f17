package org.itinera.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for every test class in the JVM (starting Spark costs seconds): two
 * cores, no UI, few shuffle partitions.
 *
 * <p>On Java 22 and later the module's pom puts Hadoop 3.5 on the test classpath (Hadoop 3.4,
 * which Spark 4.1 ships, calls {@code Subject.getSubject}, which Java 24+ no longer supports), so these
 * tests run on every JDK the build supports.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("itinera-test")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
