package org.itinera.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.itinera.ItineraException;

/**
 * Identity resolution at cluster scale: the identity graph's connected components, computed from
 * the raw ids of the events by iterative label propagation, named as the embedded {@code
 * IdentityGraph} names a customer.
 *
 * <p>Design notes. Every event links the identities it carries: {@code user:U}, {@code anon:A},
 * an alias's {@code previousId} (as a user id when some event carries that user id, else as an
 * anonymous id) and the configured identity traits ({@code email:...}, {@code phone:...},
 * normalised as the embedded ingest does). Each identity is written as a sort key whose smallest
 * value in a component is the component's name: {@code 0U} for users, {@code 1anon:A} for
 * anonymous ids, {@code 2T} for the rest, so "smallest user id, else anon: and the smallest
 * anonymous id, else the smallest identity" becomes one {@code min}. Every vertex starts labelled
 * with itself; each round gives every vertex the smallest label among itself and its neighbours,
 * until no label changes (as many rounds as the widest component's diameter, a handful for real
 * identity graphs). Each round's labels are checkpointed locally so the plan does not grow. The
 * customer id is the label without its one-character rank.
 *
 * <p>Keys compare as UTF-8 bytes here and as UTF-16 units in the embedded engine; the two orders
 * differ only between supplementary characters and U+E000..U+FFFF, which ids rarely contain.
 * Alias resolution reads the whole data set, while the embedded engine decides "known user id"
 * at the moment the alias arrives.
 */
public final class IdentityResolution {
  /** The identity traits the embedded ingest links by default. */
  public static final List<String> DEFAULT_TRAITS = List.of("email", "phone");

  private static final int MAX_ROUNDS = 100;

  private final List<String> traits;
  private int rounds;

  public IdentityResolution(List<String> traits) {
    this.traits = List.copyOf(traits);
    for (String t : this.traits) {
      if (!t.matches("[A-Za-z0-9_]+")) {
        throw ItineraException.invalid("identity-traits", "trait name '" + t
            + "' must be letters, digits and underscores");
      }
    }
  }

  /** Rounds the last {@link #resolve} took to converge. */
  public int rounds() {
    return rounds;
  }

  /**
   * {@code events} with {@code customer_id} replaced by the resolved customer (kept as it was for
   * events that carry no identity at all).
   */
  public Dataset<Row> resolve(Dataset<Row> events) {
    Set<String> have = Set.of(events.columns());
    for (String c : List.of("user_id", "anonymous_id")) {
      if (!have.contains(c)) {
        throw ItineraException.invalid("input", "identity resolution needs the column " + c
            + "; the data set has " + Arrays.toString(events.columns()));
      }
    }
    Column user = when(col("user_id").isNotNull(), concat(lit("0"), col("user_id")));
    Column anon = when(col("anonymous_id").isNotNull(),
        concat(lit("1anon:"), col("anonymous_id")));
    List<Column> traitKeys = new ArrayList<>();
    for (String t : traits) {
      traitKeys.add(have.contains("traits") ? traitKey(t) : lit(null).cast(DataTypes.StringType));
    }
    List<Column> primaryParts = new ArrayList<>(List.of(user, anon));
    primaryParts.addAll(traitKeys);
    Dataset<Row> keyed = events.withColumn("_primary",
        coalesce(primaryParts.toArray(Column[]::new)));

    Dataset<Row> edges = edges(events, keyed, anon, traitKeys);
    Dataset<Row> labels = components(keyed, edges);
    Dataset<Row> resolved = keyed.join(labels, keyed.col("_primary").equalTo(labels.col("_v")),
        "left");
    Column customer = substring(col("_label"), 2, Integer.MAX_VALUE);
    Column fallback = have.contains(EventColumns.CUSTOMER) ? col(EventColumns.CUSTOMER)
        : lit(null).cast(DataTypes.StringType);
    return resolved.withColumn(EventColumns.CUSTOMER, coalesce(customer, fallback))
        .drop("_primary", "_v", "_label");
  }

  private Column traitKey(String trait) {
    Column raw = regexp_replace(get_json_object(col("traits"), "$." + trait), "^\\s+|\\s+$", "");
    Column norm = lower(raw);
    if (trait.equals("phone")) {
      norm = regexp_replace(norm, "[^0-9+]", "");
    }
    return when(raw.isNotNull().and(length(raw).gt(0)), concat(lit("2" + trait + ":"), norm));
  }

  /** Undirected edges (both directions) between each event's primary identity and the others. */
  private static Dataset<Row> edges(Dataset<Row> events, Dataset<Row> keyed, Column anon,
      List<Column> traitKeys) {
    List<Column> others = new ArrayList<>(List.of(anon));
    others.addAll(traitKeys);
    Dataset<Row> pairs = null;
    for (Column other : others) {
      Dataset<Row> p = keyed.select(col("_primary").as("src"), other.as("dst"))
          .where(col("dst").isNotNull().and(col("src").notEqual(col("dst"))));
      pairs = pairs == null ? p : pairs.union(p);
    }
    if (Set.of(events.columns()).contains("properties")) {
      Dataset<Row> knownUsers = events.where(col("user_id").isNotNull())
          .select(col("user_id").as("known")).distinct();
      Dataset<Row> aliases = keyed.where(col("type").equalTo("alias"))
          .select(col("_primary").as("src"),
              get_json_object(col("properties"), "$.previousId").as("previous"))
          .where(col("previous").isNotNull());
      Dataset<Row> alias = aliases.join(knownUsers,
              aliases.col("previous").equalTo(knownUsers.col("known")), "left")
          .select(col("src"), when(col("known").isNotNull(), concat(lit("0"), col("previous")))
              .otherwise(concat(lit("1anon:"), col("previous"))).as("dst"))
          .where(col("src").notEqual(col("dst")));
      pairs = pairs.union(alias);
    }
    Dataset<Row> directed = pairs.where(col("src").isNotNull()).distinct();
    return directed.union(directed.select(col("dst").as("src"), col("src").as("dst")))
        .distinct().localCheckpoint();
  }

  private Dataset<Row> components(Dataset<Row> keyed, Dataset<Row> edges) {
    Dataset<Row> labels = keyed.select(col("_primary").as("_v")).where(col("_v").isNotNull())
        .union(edges.select(col("src").as("_v")))
        .distinct().withColumn("_label", col("_v")).localCheckpoint();
    for (rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
      Dataset<Row> offered = edges.join(labels, edges.col("src").equalTo(labels.col("_v")))
          .select(edges.col("dst").as("_v"), labels.col("_label"));
      Dataset<Row> next = offered.union(labels).groupBy("_v").agg(min("_label").as("_label"))
          .localCheckpoint();
      long changed = next.as("n").join(labels.as("o"), col("n._v").equalTo(col("o._v")))
          .where(col("n._label").notEqual(col("o._label"))).count();
      labels = next;
      if (changed == 0) {
        return labels;
      }
    }
    throw new ItineraException(org.itinera.ErrorCode.INTERNAL, "identity-resolution",
        "labels still changed after " + MAX_ROUNDS + " rounds", null);
  }
}
