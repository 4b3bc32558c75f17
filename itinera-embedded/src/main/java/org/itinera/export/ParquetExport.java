package org.itinera.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.store.SqlText;

/**
 * Writes the event store as a Parquet data set partitioned by event date ({@code
 * event_date=YYYY-MM-DD/}), the layout Spark, Trino and warehouses read. Columns are those of the
 * {@code events} table plus {@code event_date}; JSON columns are strings. The profiles go to a
 * second data set ({@link #exportProfiles}). See docs/EXPORT.md.
 */
public final class ParquetExport {
  private final Connection connection;

  public ParquetExport(Connection connection) {
    this.connection = connection;
  }

  /** Exports and returns the number of events written. The target must be empty or absent. */
  public long export(Path target) {
    prepare(target);
    String sql = "COPY (SELECT seq, event_id, customer_id, anonymous_id, user_id, ts,"
        + " received_at, type, name, channel, source_id, CAST(properties AS VARCHAR) AS"
        + " properties, CAST(context AS VARCHAR) AS context, CAST(traits AS VARCHAR) AS traits,"
        + " text, lang, sentiment, emotion, topics, rating, revenue, currency,"
        + " CAST(ts AS DATE) AS event_date FROM events ORDER BY customer_id, ts, seq) TO "
        + SqlText.literal(target.toAbsolutePath().toString())
        + " (FORMAT PARQUET, PARTITION_BY (event_date), OVERWRITE_OR_IGNORE,"
        + " COMPRESSION ZSTD)";
    return copy(sql, "SELECT count(*) FROM events", target);
  }

  /**
   * Writes the customer profiles as a second Parquet data set ({@code TARGET/profiles.parquet}):
   * {@code customer_id}, {@code traits} (JSON object text), and {@code first_seen}, {@code
   * last_seen} and {@code events} computed from the customer's events (null and 0 for a profile
   * without events). Returns the number of profiles written. The target must be empty or absent.
   */
  public long exportProfiles(Path target) {
    prepare(target);
    String sql = "COPY (SELECT p.customer_id, CAST(p.traits AS VARCHAR) AS traits,"
        + " e.first_seen, e.last_seen, coalesce(e.events, 0) AS events FROM profiles p"
        + " LEFT JOIN (SELECT customer_id, min(ts) AS first_seen, max(ts) AS last_seen,"
        + " count(*) AS events FROM events GROUP BY customer_id) e USING (customer_id)"
        + " ORDER BY p.customer_id) TO "
        + SqlText.literal(target.resolve("profiles.parquet").toAbsolutePath().toString())
        + " (FORMAT PARQUET, COMPRESSION ZSTD)";
    return copy(sql, "SELECT count(*) FROM profiles", target);
  }

  private static void prepare(Path target) {
    try {
      if (Files.exists(target)) {
        try (var entries = Files.list(target)) {
          if (entries.findAny().isPresent()) {
            throw ItineraException.invalid("parquet", target + " is not empty; choose a new"
                + " directory so an old export is never mixed with a new one");
          }
        }
      }
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "parquet",
          "cannot prepare " + target + ": " + e.getMessage(), e);
    }
  }

  private long copy(String copySql, String countSql, Path target) {
    try (Statement st = connection.createStatement()) {
      st.execute(copySql);
      try (ResultSet rs = st.executeQuery(countSql)) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "parquet",
          "cannot export to " + target + ": " + e.getMessage(), e);
    }
  }
}
