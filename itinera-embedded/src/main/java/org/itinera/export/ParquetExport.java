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
 * {@code events} table plus {@code event_date}; JSON columns are strings. See docs/EXPORT.md.
 */
public final class ParquetExport {
  private final Connection connection;

  public ParquetExport(Connection connection) {
    this.connection = connection;
  }

  /** Exports and returns the number of events written. The target must be empty or absent. */
  public long export(Path target) {
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
    String sql = "COPY (SELECT seq, event_id, customer_id, anonymous_id, user_id, ts,"
        + " received_at, type, name, channel, source_id, CAST(properties AS VARCHAR) AS"
        + " properties, CAST(context AS VARCHAR) AS context, CAST(traits AS VARCHAR) AS traits,"
        + " text, lang, sentiment, emotion, topics, rating, revenue, currency,"
        + " CAST(ts AS DATE) AS event_date FROM events ORDER BY customer_id, ts, seq) TO "
        + SqlText.literal(target.toAbsolutePath().toString())
        + " (FORMAT PARQUET, PARTITION_BY (event_date), OVERWRITE_OR_IGNORE,"
        + " COMPRESSION ZSTD)";
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "parquet",
          "cannot export to " + target + ": " + e.getMessage(), e);
    }
  }
}
