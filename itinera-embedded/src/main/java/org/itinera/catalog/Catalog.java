package org.itinera.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.catalog.CatalogReport.Channel;
import org.itinera.catalog.CatalogReport.EventName;
import org.itinera.catalog.CatalogReport.Trait;
import org.itinera.catalog.CatalogReport.TraitValue;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;

/**
 * Reads the {@link CatalogReport}. Identify, alias and group calls are left out of the event
 * names (they are bookkeeping, never a funnel step); trait values are the scalar ones (strings,
 * numbers, booleans), as text.
 */
public final class Catalog {
  public static final int TOP_VALUES = 20;
  static final int MAX_TRAITS = 100;

  private final Connection connection;

  public Catalog(Connection connection) {
    this.connection = connection;
  }

  public CatalogReport read() {
    try {
      SqlWhere none = new SqlWhere();
      Rows.Row range = Rows.one(connection,
          "SELECT CAST(min(ts) AS DATE), CAST(max(ts) AS DATE) FROM events", none);
      List<EventName> names = new ArrayList<>();
      for (Rows.Row r : Rows.all(connection, "SELECT name, mode(type), count(*),"
          + " count(DISTINCT customer_id) AS c FROM events WHERE name IS NOT NULL AND type NOT IN"
          + " ('identify', 'alias', 'group') GROUP BY name ORDER BY c DESC, name", none)) {
        names.add(new EventName(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)));
      }
      List<Channel> channels = new ArrayList<>();
      for (Rows.Row r : Rows.all(connection, "SELECT coalesce(channel, 'unknown'), count(*),"
          + " count(DISTINCT customer_id) AS c FROM events GROUP BY 1 ORDER BY c DESC, 1", none)) {
        channels.add(new Channel(r.getString(1), r.getLong(2), r.getLong(3)));
      }
      return new CatalogReport(str(range.date(1)), str(range.date(2)), names, channels, traits());
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot read the catalog: " + e.getMessage(), e);
    }
  }

  private List<Trait> traits() throws SQLException {
    // Casting each profile's traits to a MAP parses the JSON once (json_each is far slower).
    String sql = "WITH kv AS (SELECT customer_id, e.key AS key, e.value ->> '$' AS v FROM"
        + " (SELECT customer_id, unnest(map_entries(CAST(traits AS MAP(VARCHAR, JSON)))) AS e"
        + " FROM profiles WHERE traits IS NOT NULL) WHERE json_type(e.value) IN ('VARCHAR',"
        + " 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')),"
        + " keys AS (SELECT key, count(DISTINCT customer_id) AS customers, count(DISTINCT v) AS"
        + " distinct_values FROM kv GROUP BY key ORDER BY customers DESC, key LIMIT ?),"
        + " vals AS (SELECT key, v, count(DISTINCT customer_id) AS n FROM kv WHERE key IN"
        + " (SELECT key FROM keys) GROUP BY key, v QUALIFY row_number() OVER (PARTITION BY key"
        + " ORDER BY n DESC, v) <= ?)"
        + " SELECT k.key, k.customers, k.distinct_values, v.v, v.n FROM keys k JOIN vals v"
        + " USING (key) ORDER BY k.customers DESC, k.key, v.n DESC, v.v";
    Map<String, Rows.Row> heads = new LinkedHashMap<>();
    Map<String, List<TraitValue>> values = new LinkedHashMap<>();
    for (Rows.Row r : Rows.all(connection, sql, new SqlWhere(), MAX_TRAITS, TOP_VALUES)) {
      heads.putIfAbsent(r.getString(1), r);
      values.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
          .add(new TraitValue(r.getString(4), r.getLong(5)));
    }
    List<Trait> out = new ArrayList<>();
    heads.forEach((key, r) ->
        out.add(new Trait(key, r.getLong(2), r.getLong(3), values.get(key))));
    return out;
  }

  private static String str(java.time.LocalDate d) {
    return d == null ? null : d.toString();
  }
}
