package org.itinera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * The embedded system of record: one DuckDB file, {@code itinera.duckdb}, in a data directory.
 *
 * <p>DuckDB lets one process write a file at a time. When another process (typically a running
 * {@code itinera serve}) holds it, {@link #open} fails with {@link ErrorCode#STORE_LOCKED} and,
 * when that process is an Itinera server, says how to reach it instead.
 */
public final class Store implements AutoCloseable {
  public static final String FILE_NAME = "itinera.duckdb";

  private final Path dataDir;
  private final DuckDBConnection connection;
  private final boolean readOnly;

  private Store(Path dataDir, DuckDBConnection connection, boolean readOnly) {
    this.dataDir = dataDir;
    this.connection = connection;
    this.readOnly = readOnly;
  }

  /** Opens (creating if needed) the store in {@code dataDir} and applies pending migrations. */
  public static Store open(Path dataDir) {
    return open(dataDir, false);
  }

  /**
   * Opens an existing store read-only (several readers may share the file, no writer). A missing
   * store is an error rather than silently empty.
   */
  public static Store openReadOnly(Path dataDir) {
    if (!Files.exists(dataDir.resolve(FILE_NAME))) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "data",
          "no Itinera store in " + dataDir.toAbsolutePath() + " (expected " + FILE_NAME
              + "); check --data");
    }
    return open(dataDir, true);
  }

  private static Store open(Path dataDir, boolean readOnly) {
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "data",
          "cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    Properties props = new Properties();
    if (readOnly) {
      props.setProperty("duckdb.read_only", "true");
    }
    DuckDBConnection connection;
    try {
      connection = (DuckDBConnection)
          DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(FILE_NAME), props);
    } catch (SQLException e) {
      throw translateOpenFailure(dir, e);
    }
    try {
      if (readOnly) {
        if (Migrations.currentVersion(connection) != Migrations.latestVersion()) {
          throw new ItineraException(ErrorCode.CONFIG_INVALID, "data",
              "the store in " + dir + " needs a schema upgrade; open it once for writing");
        }
      } else {
        Migrations.apply(connection);
      }
      return new Store(dir, connection, readOnly);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      if (e instanceof ItineraException ie) {
        throw ie;
      }
      throw new ItineraException(ErrorCode.INTERNAL, "data",
          "cannot prepare the store in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ItineraException translateOpenFailure(Path dir, SQLException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("lock")) {
      String holder = ServerInfo.read(dir)
          .map(info -> " A running Itinera server (pid " + info.pid() + ") holds it: use --server "
              + info.url() + " (with its admin token) instead.")
          .orElse(" Another process holds it; stop that process or point --data elsewhere.");
      return new ItineraException(ErrorCode.STORE_LOCKED, "data",
          "the store " + dir.resolve(FILE_NAME) + " is in use." + holder, e);
    }
    return new ItineraException(ErrorCode.IO_FAILURE, "data",
        "cannot open the store " + dir.resolve(FILE_NAME) + ": " + msg, e);
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** The store's own connection. Use {@link #newConnection()} for work on other threads. */
  public Connection connection() {
    return connection;
  }

  /** A further connection to the same database, for a thread of its own; the caller closes it. */
  public Connection newConnection() {
    try {
      return connection.duplicate();
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot open a connection: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing is best effort; DuckDB has committed everything acknowledged already
    }
  }
}
