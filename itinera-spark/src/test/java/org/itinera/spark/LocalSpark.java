package org.itinera.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/**
 * One local Spark session for every test class in the JVM (starting Spark costs seconds): two
 * cores, no UI, few shuffle partitions.
 *
 * <p>Spark 4.1 runs on Java 17 and 21. On Java 24 and later its Hadoop file-system layer fails
 * (Hadoop 3.4's UserGroupInformation calls {@code Subject.getSubject}, which those JDKs no longer
 * support: "UnsupportedOperationException: getSubject is not supported"), so on a JDK newer than
 * 21 the Spark tests are skipped with that reason rather than failed.
 */
final class LocalSpark {
  private static SparkSession session;
  private static boolean warned;

  private LocalSpark() {}

  static final int NEWEST_SUPPORTED_JDK = 21;

  static synchronized SparkSession session() {
    int jdk = Runtime.version().feature();
    if (jdk > NEWEST_SUPPORTED_JDK) {
      String reason = "Spark tests skipped on Java " + jdk + ": Spark 4.1 runs on Java 17 and"
          + " 21; on Java 24+ Hadoop's UserGroupInformation fails with 'getSubject is not"
          + " supported'. Run them with JAVA_HOME pointing at JDK 17 or 21.";
      if (!warned) {
        System.err.println(reason);
        warned = true;
      }
      Assumptions.abort(reason);
    }
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
