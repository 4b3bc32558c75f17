package org.itinera.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What storing rows costs, in plain SQL: the floor under any import into the store. Loads the
 * CSV of {@link ImportBenchmark} once into a temp table shaped like {@code events} (the rows as
 * the importer would insert them), then inserts all of them, twice (into the empty table, then
 * the same rows under new event ids), into tables that differ only in their dedup key, and prints
 * the wall and process CPU seconds of every statement (insert and commit):
 *
 * <ul>
 *   <li>{@code varchar_pk}: the store's own {@code events} table (the V1 migration's DDL, read
 *       from the classpath): {@code event_id VARCHAR PRIMARY KEY};
 *   <li>{@code hash_pk}: the same with a 128-bit hash of the id ({@code md5_number}, UHUGEINT) as
 *       the primary key and {@code event_id} kept as a plain column;
 *   <li>{@code no_key}: no key at all, and then the cost of building a unique index over it
 *       afterwards ({@code CREATE UNIQUE INDEX});
 *   <li>{@code varchar_pk} again with {@code preserve_insertion_order} off.
 * </ul>
 *
 * <p>The DuckDB version is the one on the classpath, so versions are compared by running it with
 * another {@code duckdb_jdbc} jar:
 *
 * <pre>
 * java -cp ... org.itinera.bench.InsertFloorBenchmark --file /tmp/imp/r-1000000.csv
 *     [--memory-limit 256MB] [--threads 2] [--db DIR]
 * </pre>
 */
public final class InsertFloorBenchmark {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final String KEY_LINE = "event_id     VARCHAR   PRIMARY KEY,";

  private InsertFloorBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = null;
    String memoryLimit = "256MB";
    String threads = "2";
    Path dir = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--file" -> file = Path.of(args[i + 1]);
        case "--memory-limit" -> memoryLimit = args[i + 1];
        case "--threads" -> threads = args[i + 1];
        case "--db" -> dir = Path.of(args[i + 1]);
        default -> file = null;
      }
    }
    if (file == null || args.length % 2 != 0) {
      System.err.println("usage: InsertFloorBenchmark --file CSV [--memory-limit 256MB]"
          + " [--threads 2] [--db DIR]");
      return;
    }
    Path work = dir != null ? dir : Files.createTempDirectory("insert-floor");
    Files.createDirectories(work);
    Path db = work.resolve("floor.duckdb");
    Files.deleteIfExists(db);
    Files.deleteIfExists(work.resolve("floor.duckdb.wal"));
    String ddl = eventsDdl();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
      run(c, "SELECT 'DuckDB ' || library_version FROM pragma_version()");
      run(c, "SET threads = " + Integer.parseInt(threads));
      run(c, "SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
      stage(c, file);
      table(c, ddl, "varchar_pk", KEY_LINE);
      table(c, ddl, "hash_pk", "event_key UHUGEINT PRIMARY KEY, event_id VARCHAR NOT NULL,");
      table(c, ddl, "no_key", "event_id VARCHAR NOT NULL,");
      table(c, ddl, "varchar_pk_unordered", KEY_LINE);
      for (String suffix : new String[] {"", "x"}) {
        String id = suffix.isEmpty() ? "event_id" : "event_id || '" + suffix + "'";
        String rest = "* EXCLUDE (seq, event_id) FROM stage";
        run(c, "INSERT INTO varchar_pk SELECT seq, " + id + ", " + rest);
        run(c, "INSERT INTO hash_pk SELECT seq, md5_number(" + id + ")::UHUGEINT, " + id + ", "
            + rest);
        run(c, "INSERT INTO no_key SELECT seq, " + id + ", " + rest);
        run(c, "SET preserve_insertion_order = false");
        run(c, "INSERT INTO varchar_pk_unordered SELECT seq, " + id + ", " + rest);
        run(c, "RESET preserve_insertion_order");
      }
      run(c, "CREATE UNIQUE INDEX no_key_event_id ON no_key (event_id)");
    }
    if (dir == null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The rows as the importer inserts them (see BulkInsert), kept in a temp table. */
  private static void stage(Connection c, Path file) throws SQLException {
    long cpu = OS.getProcessCpuTime();
    long t = System.nanoTime();
    try (PreparedStatement ps = c.prepareStatement("CREATE TEMP TABLE stage AS SELECT"
        + " row_number() OVER () AS seq, event_id, coalesce(user_id, 'anon:' || anonymous_id)"
        + " AS customer_id, anonymous_id, user_id, strptime(ts, '%Y-%m-%d %H:%M:%S') AS ts,"
        + " now()::TIMESTAMP AS received_at, 'track' AS type, event AS name, channel,"
        + " 'bench-shop' AS source_id, json_object('sku', sku, 'quantity',"
        + " TRY_CAST(qty AS BIGINT)) AS properties, '{\"library\":{\"name\":\"itinera-import\"}}'"
        + "::JSON AS context, CASE WHEN email IS NOT NULL THEN json_object('email', email) END"
        + " AS traits, comment AS text, NULL::VARCHAR AS lang, NULL::DOUBLE AS sentiment,"
        + " NULL::VARCHAR AS emotion, NULL::VARCHAR[] AS topics, TRY_CAST(rating AS DOUBLE)"
        + " AS rating, TRY_CAST(amount AS DOUBLE) AS revenue, currency"
        + " FROM read_csv(?, all_varchar = true)")) {
      ps.setString(1, file.toString());
      ps.execute();
    }
    print(t, cpu, "stage the rows (read_csv, transform; not counted below)");
  }

  private static void table(Connection c, String ddl, String name, String keyLine)
      throws SQLException {
    run(c, ddl.replace("CREATE TABLE events (", "CREATE TABLE " + name + " (")
        .replace(KEY_LINE, keyLine));
  }

  private static String eventsDdl() throws IOException {
    try (InputStream in = InsertFloorBenchmark.class
        .getResourceAsStream("/org/itinera/store/V1__events.sql")) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int start = script.indexOf("CREATE TABLE events (");
      String ddl = script.substring(start, script.indexOf(");", start) + 1);
      if (!ddl.contains(KEY_LINE)) {
        throw new IllegalStateException("the events DDL changed; update this benchmark");
      }
      return ddl;
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    long cpu = OS.getProcessCpuTime();
    long t = System.nanoTime();
    String result;
    try (Statement st = c.createStatement()) {
      if (st.execute(sql)) {
        try (ResultSet rs = st.getResultSet()) {
          result = rs.next() ? rs.getString(1) : "";
        }
      } else {
        long count = st.getUpdateCount();
        result = count >= 0 ? count + " rows" : "";
      }
    }
    String shown = sql.startsWith("CREATE TABLE") ? sql.substring(0, sql.indexOf('(')) : sql;
    print(t, cpu, shown + (result.isEmpty() ? "" : "  -> " + result));
  }

  private static void print(long t, long cpu, String what) {
    System.out.printf("%8.2f s wall %8.2f s CPU  %s%n", (System.nanoTime() - t) / 1e9,
        (OS.getProcessCpuTime() - cpu) / 1e9, what.replaceAll("\\s+", " "));
  }
}
