package org.itinera.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.itinera.identity.IdentityGraph;

/**
 * What a {@link BulkLoad} may do inside its transaction on the writer's connection.
 *
 * <p>Design notes. A bulk load never walks its rows in Java: the rows stay in DuckDB and are
 * inserted with one {@code INSERT ... SELECT} (see {@link BulkInsert}). Java sees only the
 * distinct identity tuples (user id, anonymous id, identity traits), which it links in the same
 * {@link IdentityGraph} the {@link Ingestor} uses, with the same normalisation ({@link
 * IdentityLinks}), and writes the changes to {@code identities} before the insert, which joins
 * it to give each row its canonical customer. Text analytics runs once per distinct text, before
 * the insert too, so every row is written once and complete. Identity changes, customer renames
 * and profile traits are written set-based in the load's transaction, so a crash leaves either
 * all of a load or none of it (unless the load chose {@link #insertEventsInChunks}, which commits
 * as it goes).
 *
 * <p>The relation handed to {@link #insertEvents} must have these columns: {@code event_id}
 * (unique within the relation), {@code user_id}, {@code anonymous_id}, {@code id_trait_1} ..
 * {@code id_trait_n} (raw values of {@link #identityTraits()}, in order), {@code ts} (TIMESTAMP,
 * UTC), {@code type}, {@code name}, {@code channel}, {@code source_id}, {@code properties},
 * {@code context}, {@code traits} (JSON), {@code text}, {@code rating}, {@code revenue} (DOUBLE)
 * and {@code currency}.
 */
public final class BulkSession {
  /** Temp table: trait values of rows known only by traits, to their first identity. */
  static final String TRAIT_KEYS_TABLE = "bulk_trait_keys";
  /** Temp table: each distinct text of the load and what text analytics found in it. */
  static final String TEXT_TABLE = "bulk_text";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventWriter writer;
  private final IdentityGraph graph;
  private final IdentityLinks links;
  private final TextEnricher enricher;
  private final long nowMs;
  private final Map<String, ObjectNode> profileTraits = new HashMap<>();
  private final BulkInsert insert;
  private final BulkTimer timer = new BulkTimer();

  BulkSession(EventWriter writer, IdentityGraph graph, IdentityLinks links, TextEnricher enricher,
      long nowMs) {
    this.writer = writer;
    this.graph = graph;
    this.links = links;
    this.enricher = enricher;
    this.nowMs = nowMs;
    this.insert = new BulkInsert(writer, traitKeySql("r."), nowMs);
  }

  /**
   * The writer's connection, inside the load's transaction. Temp tables created here are visible
   * only on it; do not commit or roll back on it.
   */
  public Connection connection() {
    return writer.connection();
  }

  /** Times the phases of this load (logged at DEBUG). */
  public BulkTimer timer() {
    return timer;
  }

  /** The identity traits that link customers (e.g. email, phone), in column order. */
  public List<String> identityTraits() {
    return links.traits();
  }

  /** The column names {@code id_trait_1 .. id_trait_n} the relations must use for the traits. */
  public List<String> identityTraitColumns() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= links.traits().size(); i++) {
      names.add("id_trait_" + i);
    }
    return names;
  }

  /**
   * Runs one statement on the writer connection with bound parameters, reporting DuckDB's
   * progress (0 to 1) to {@code progress} if not null; returns the update count (or -1).
   */
  public long execute(String sql, List<Object> params, DoubleConsumer progress)
      throws SQLException {
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      bind(ps, params);
      try (ProgressPoller poller = ProgressPoller.start(connection(), ps, progress)) {
        return ps.execute() ? -1 : ps.getUpdateCount();
      }
    }
  }

  /**
   * Links the identities of every distinct tuple the query returns (columns {@code user_id,
   * anonymous_id, id_trait_1 .. id_trait_n}) and writes the identity changes, so that the
   * {@code identities} table gives every tuple's canonical customer. Every tuple must carry at
   * least one identity. Returns the number of distinct tuples.
   *
   * <p>Java holds no tuple: each is linked as it streams by. The insert then finds a row's
   * customer by its first identity ({@code user:} id, else {@code anon:} id) in {@code
   * identities}; only rows known by identity traits alone need their normalised first identity,
   * which goes to {@value #TRAIT_KEYS_TABLE}.
   */
  public int resolveIdentities(String tuplesSql, List<Object> params) throws SQLException {
    int width = 2 + links.traits().size();
    Map<String, String> traitOnly = new HashMap<>();
    int count = 0;
    // Richest tuples first: a customer's whole component is then built by one link, and the
    // tuples that follow hit the graph's fast path instead of merging and renaming.
    StringBuilder richness = new StringBuilder("(user_id IS NOT NULL)::INT"
        + " + (anonymous_id IS NOT NULL)::INT");
    for (String c : identityTraitColumns()) {
      richness.append(" + (").append(c).append(" IS NOT NULL)::INT");
    }
    try (PreparedStatement ps = connection().prepareStatement("SELECT * FROM (SELECT DISTINCT "
        + tupleColumns("") + " FROM (" + tuplesSql + ")) ORDER BY " + richness + " DESC")) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        String[] t = new String[width];
        while (rs.next()) {
          for (int i = 0; i < width; i++) {
            t[i] = rs.getString(i + 1);
          }
          List<String> ids = identities(t);
          if (ids.isEmpty()) {
            throw new IllegalArgumentException("a bulk row has no user id, anonymous id or"
                + " identity trait; the caller must reject such rows");
          }
          graph.link(ids);
          count++;
          if (t[0] == null && t[1] == null) {
            traitOnly.put(traitKey(t), ids.get(0));
          }
        }
      }
    }
    timer.mark("identities: link");
    try (Statement st = connection().createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE " + TRAIT_KEYS_TABLE
          + " (trait_key VARCHAR, identity VARCHAR NOT NULL)");
    }
    try (DuckDBAppender app =
        writer.connection().createAppender("temp", "main", TRAIT_KEYS_TABLE)) {
      for (Map.Entry<String, String> e : traitOnly.entrySet()) {
        app.beginRow();
        app.append(e.getKey());
        app.append(e.getValue());
        app.endRow();
      }
    }
    writeChanges();
    return count;
  }

  /** The SQL twin of {@link #traitKey}: the trait values of a row, as one text. */
  String traitKeySql(String alias) {
    StringBuilder key = new StringBuilder("concat_ws(chr(31)");
    for (String c : identityTraitColumns()) {
      key.append(", coalesce(").append(alias).append(c).append(", chr(30))");
    }
    return key.append(")").toString();
  }

  private static String traitKey(String[] tuple) {
    StringBuilder key = new StringBuilder();
    for (int i = 2; i < tuple.length; i++) {
      if (i > 2) {
        key.append('\u001f');
      }
      key.append(tuple[i] == null ? "\u001e" : tuple[i]);
    }
    return key.toString();
  }

  /**
   * Runs text analytics once for each distinct text the query returns (one column, no nulls)
   * and keeps the results in {@value #TEXT_TABLE}, which the insert joins: the analysis is a
   * function of the text alone, and the rows are then written once, analysed. The texts go
   * through Java a page at a time, so memory stays flat. Without text analytics, does nothing.
   */
  public void analyzeTexts(String textsSql, List<Object> params) throws SQLException {
    try (Statement st = connection().createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE " + TEXT_TABLE + " (text VARCHAR, lang VARCHAR,"
          + " sentiment DOUBLE, emotion VARCHAR, topics VARCHAR[])");
    }
    if (enricher == TextEnricher.NONE) {
      return;
    }
    BulkText.analyze(writer.connection(), enricher, textsSql, params, TEXT_TABLE);
  }

  /**
   * Inserts the rows of the relation (see the class comment) under their canonical customers,
   * skipping event ids already in the store, and returns how many were stored; all in this load's
   * one transaction. Call after {@link #resolveIdentities} with tuples covering every row.
   *
   * @throws RepeatedEventIds if the relation has an event id twice (nothing is stored)
   */
  public long insertEvents(String rowsSql, List<Object> params, DoubleConsumer progress)
      throws SQLException {
    return insert.direct(rowsSql, params, progress);
  }

  /**
   * Like {@link #insertEvents}, but for loads too big for one transaction: the rows are staged,
   * then stored and committed {@code chunkRows} at a time, the identity changes so far with the
   * first chunk. Memory then stays flat however many rows there are. If the load fails later,
   * the chunks committed stay; loading the same rows again stores the rest.
   *
   * @throws RepeatedEventIds if the relation has an event id twice (checked before any commit)
   */
  public long insertEventsInChunks(String rowsSql, List<Object> params, long chunkRows,
      DoubleConsumer progress) throws SQLException {
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows must be >= 1, was " + chunkRows);
    }
    return insert.chunked(rowsSql, params, chunkRows, this::commitSoFar, progress);
  }

  /** The relation given to an insert repeats an event id; nothing of the insert was stored. */
  public static final class RepeatedEventIds extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RepeatedEventIds(Throwable cause) {
      super("the rows repeat an event id", cause);
    }
  }

  private void commitSoFar() throws SQLException {
    timer.mark("insert: stage or chunk");
    writeChanges();
    writer.connection().commit();
    timer.mark("insert: commit chunk");
  }

  /** Identity changes and customer renames since the last call, written set-based. */
  private void writeChanges() throws SQLException {
    IdentityGraph.Changes changes = graph.drainChanges();
    BulkChanges.writeIdentities(writer.connection(), changes.identities(), nowMs);
    timer.mark("identities: write");
    BulkChanges.renameCustomers(writer.connection(), changes.renames());
    timer.mark("identities: rename");
  }

  /**
   * Merges profile traits from identify rows: the query returns {@code user_id, anonymous_id,
   * id_trait_1 .. id_trait_n, traits} (a JSON object) in file order; later rows win per key,
   * as for identify calls. Call after {@link #resolveIdentities}.
   */
  public void mergeProfileTraits(String sql, List<Object> params) throws SQLException {
    int width = 2 + links.traits().size();
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] t = new String[width];
          for (int i = 0; i < width; i++) {
            t[i] = rs.getString(i + 1);
          }
          String json = rs.getString(width + 1);
          List<String> ids = identities(t);
          if (json == null || ids.isEmpty()) {
            continue;
          }
          String customer = graph.customerOf(ids.get(0));
          try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
              profileTraits.computeIfAbsent(customer, k -> JSON.createObjectNode()).setAll(object);
            }
          } catch (IOException e) {
            throw new SQLException("traits of a bulk row are not JSON: " + e.getMessage(), e);
          }
        }
      }
    }
  }

  /** Writes the identity changes left, renames and profile traits of this load. */
  void finish() throws SQLException {
    IdentityGraph.Changes changes = graph.drainChanges();
    DuckDBConnection c = writer.connection();
    BulkChanges.writeIdentities(c, changes.identities(), nowMs);
    BulkChanges.renameCustomers(c, changes.renames());
    // Traits were keyed by names read after all links; a rename can still move one customer's.
    Map<String, String> traits = new HashMap<>();
    profileTraits.forEach((customer, node) -> traits.merge(
        changes.renames().getOrDefault(customer, customer), node.toString(),
        (a, b) -> mergeJson(a, b)));
    BulkChanges.writeTraits(c, traits);
    timer.mark("profile traits");
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + TRAIT_KEYS_TABLE);
      st.execute("DROP TABLE IF EXISTS " + TEXT_TABLE);
    }
  }

  private List<String> identities(String[] tuple) {
    List<String> traitValues = new ArrayList<>(tuple.length - 2);
    for (int i = 2; i < tuple.length; i++) {
      traitValues.add(tuple[i]);
    }
    return links.of(tuple[0], tuple[1], traitValues);
  }

  private String tupleColumns(String prefix) {
    StringBuilder cols = new StringBuilder(prefix + "user_id, " + prefix + "anonymous_id");
    for (String c : identityTraitColumns()) {
      cols.append(", ").append(prefix).append(c);
    }
    return cols.toString();
  }

  private static String mergeJson(String a, String b) {
    try {
      ObjectNode merged = (ObjectNode) JSON.readTree(a);
      merged.setAll((ObjectNode) JSON.readTree(b));
      return merged.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}
