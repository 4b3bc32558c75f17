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
 * IdentityLinks}); each tuple's
 * canonical customer goes into the temp table {@value #CUSTOMERS_TABLE}, and the insert joins it.
 * Identity changes, customer renames and profile traits are written set-based in the load's
 * transaction, so a crash leaves either all of a load or none of it (unless the load chose
 * {@link #insertEventsInChunks}, which commits as it goes).
 *
 * <p>The relation handed to {@link #insertEvents} must have these columns: {@code event_id}
 * (unique within the relation), {@code user_id}, {@code anonymous_id}, {@code id_trait_1} ..
 * {@code id_trait_n} (raw values of {@link #identityTraits()}, in order), {@code ts} (TIMESTAMP,
 * UTC), {@code type}, {@code name}, {@code channel}, {@code source_id}, {@code properties},
 * {@code context}, {@code traits} (JSON), {@code text}, {@code rating}, {@code revenue} (DOUBLE)
 * and {@code currency}.
 */
public final class BulkSession {
  /** Temp table of each identity tuple's canonical customer, filled by resolveIdentities. */
  public static final String CUSTOMERS_TABLE = "bulk_customers";

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
    this.insert = new BulkInsert(writer, identityTraitColumns(), nowMs);
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
   * anonymous_id, id_trait_1 .. id_trait_n}) and writes each tuple's canonical customer to
   * {@value #CUSTOMERS_TABLE}. Every tuple must carry at least one identity. Returns the number of
   * distinct tuples.
   */
  public int resolveIdentities(String tuplesSql, List<Object> params) throws SQLException {
    int width = 2 + links.traits().size();
    List<String[]> tuples = new ArrayList<>();
    List<String> firstIdentity = new ArrayList<>();
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
        while (rs.next()) {
          String[] t = new String[width];
          for (int i = 0; i < width; i++) {
            t[i] = rs.getString(i + 1);
          }
          List<String> ids = identities(t);
          if (ids.isEmpty()) {
            throw new IllegalArgumentException("a bulk row has no user id, anonymous id or"
                + " identity trait; the caller must reject such rows");
          }
          graph.link(ids);
          tuples.add(t);
          firstIdentity.add(ids.get(0));
        }
      }
    }
    try (Statement st = connection().createStatement()) {
      StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TEMP TABLE " + CUSTOMERS_TABLE
          + " (user_id VARCHAR, anonymous_id VARCHAR");
      for (String c : identityTraitColumns()) {
        ddl.append(", ").append(c).append(" VARCHAR");
      }
      st.execute(ddl.append(", customer_id VARCHAR NOT NULL)").toString());
    }
    // Names are read only after every tuple is linked: a later link may rename an earlier one.
    try (DuckDBAppender app =
        writer.connection().createAppender("temp", "main", CUSTOMERS_TABLE)) {
      for (int i = 0; i < tuples.size(); i++) {
        app.beginRow();
        for (String v : tuples.get(i)) {
          app.append(v);
        }
        app.append(graph.customerOf(firstIdentity.get(i)));
        app.endRow();
      }
    }
    return tuples.size();
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
    IdentityGraph.Changes changes = graph.drainChanges();
    BulkChanges.writeIdentities(writer.connection(), changes.identities(), nowMs);
    BulkChanges.renameCustomers(writer.connection(), changes.renames());
    writer.connection().commit();
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

  /** Writes identity changes, renames, profile traits and text analysis of this load. */
  void finish() throws SQLException {
    IdentityGraph.Changes changes = graph.drainChanges();
    DuckDBConnection c = writer.connection();
    BulkChanges.writeIdentities(c, changes.identities(), nowMs);
    timer.mark("identities: write");
    BulkChanges.renameCustomers(c, changes.renames());
    timer.mark("identities: rename");
    // Traits were keyed by names read after all links; a rename can still move one customer's.
    Map<String, String> traits = new HashMap<>();
    profileTraits.forEach((customer, node) -> traits.merge(
        changes.renames().getOrDefault(customer, customer), node.toString(),
        (a, b) -> mergeJson(a, b)));
    BulkChanges.writeTraits(c, traits);
    timer.mark("profile traits");
    if (enricher != TextEnricher.NONE && insert.firstSeq >= 0) {
      BulkText.enrich(c, enricher, insert.firstSeq, insert.endSeq);
      timer.mark("text analysis");
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + CUSTOMERS_TABLE);
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
