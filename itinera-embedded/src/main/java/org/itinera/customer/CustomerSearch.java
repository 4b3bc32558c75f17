package org.itinera.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;

/**
 * Finds customers by any part of any of their ids (customer, user and anonymous ids, e-mail,
 * phone) or of any trait value, case-insensitively; {@code key:value} also finds customers whose
 * trait {@code key} is exactly {@code value} (e.g. {@code plan:gold}). An empty query lists every
 * customer. The query text is only ever a bound parameter; LIKE wildcards in it match literally.
 */
public final class CustomerSearch {
  public static final int MAX_LIMIT = 200;
  private static final Pattern TRAIT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]{0,63}):(.+)");

  private final Connection connection;

  public CustomerSearch(Connection connection) {
    this.connection = connection;
  }

  public CustomerPage search(String query, int offset, int limit) {
    return search(query, null, offset, limit);
  }

  /**
   * {@link #search(String, int, int)} among the customers whose {@code customer_id} also meets
   * {@code within} (null for everyone).
   */
  CustomerPage search(String query, SqlWhere within, int offset, int limit) {
    if (offset < 0) {
      throw ItineraException.invalid("offset", "offset is " + offset + "; expected 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ItineraException.invalid("limit", "limit is " + limit + "; expected 1 to " + MAX_LIMIT);
    }
    String q = query == null ? "" : query.strip();
    try {
      return run(q, within == null ? new SqlWhere() : within, offset, limit);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot search customers for '" + q + "': " + e.getMessage(), e);
    }
  }

  private CustomerPage run(String q, SqlWhere within, int offset, int limit)
      throws SQLException {
    SqlWhere ids = new SqlWhere();
    SqlWhere traits = new SqlWhere();
    if (q.isEmpty()) {
      ids.and("TRUE");
      traits.and("FALSE");
    } else {
      String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      ids.and("customer_id ILIKE ? ESCAPE '\\' OR identity ILIKE ? ESCAPE '\\'", like, like);
      Matcher kv = TRAIT.matcher(q);
      String exact = "FALSE";
      List<Object> args = new ArrayList<>(List.of(like));
      if (kv.matches()) {
        exact = "(e.key = ? AND lower(e.value ->> '$') = lower(?))";
        args.add(kv.group(1));
        args.add(kv.group(2).strip());
      }
      // The raw JSON text must contain the words for a value to (a cheap test that spares
      // parsing most profiles), unless they hold characters JSON escapes.
      String prefilter = q.matches("[^\"\\\\\\p{Cntrl}]*") && !kv.matches()
          ? "CAST(p.traits AS VARCHAR) ILIKE ? ESCAPE '\\' AND " : "";
      List<Object> values = new ArrayList<>();
      if (!prefilter.isEmpty()) {
        values.add(like);
      }
      values.addAll(args);
      traits.and(prefilter + "EXISTS (SELECT 1 FROM (SELECT unnest(map_entries(CAST(p.traits AS"
          + " MAP(VARCHAR, JSON)))) AS e) WHERE (json_type(e.value) IN ('VARCHAR', 'BIGINT',"
          + " 'UBIGINT', 'DOUBLE', 'BOOLEAN') AND (e.value ->> '$') ILIKE ? ESCAPE '\\') OR "
          + exact + ")", values.toArray());
    }
    String hits = "SELECT customer_id FROM identities" + ids.sql()
        + " UNION SELECT p.customer_id FROM profiles p" + traits.sql();
    // Rank every hit by last activity (one aggregate over events), then read names and
    // channels for the page only (one more pass restricted to the page's customers).
    String sql = "WITH hits AS (SELECT DISTINCT customer_id FROM (" + hits + ")"
        + within.sql() + "),"
        + " active AS (SELECT customer_id, count(*) AS n, min(ts) AS first, max(ts) AS last,"
        + " sum(revenue) AS revenue, count(*) FILTER (WHERE sentiment <= -0.25) AS negative"
        + " FROM events WHERE customer_id IN (SELECT customer_id FROM hits) GROUP BY 1),"
        + " ranked AS (SELECT h.customer_id, coalesce(a.n, 0) AS n, a.first, a.last,"
        + " coalesce(a.revenue, 0) AS revenue, coalesce(a.negative, 0) AS negative,"
        + " count(*) OVER () AS total FROM hits h LEFT JOIN active a USING (customer_id)"
        + " ORDER BY a.last DESC NULLS LAST, h.customer_id LIMIT ? OFFSET ?),"
        + " channels AS (SELECT customer_id, list(ch ORDER BY c DESC, ch) AS chs FROM"
        + " (SELECT customer_id, coalesce(channel, 'unknown') AS ch, count(*) AS c FROM events"
        + " WHERE customer_id IN (SELECT customer_id FROM ranked) GROUP BY 1, 2) GROUP BY 1)"
        + " SELECT r.customer_id, r.n, r.first, r.last, r.total,"
        + " coalesce(json_extract_string(p.traits, '$.name'), trim(concat_ws(' ',"
        + " json_extract_string(p.traits, '$.firstName'), json_extract_string(p.traits,"
        + " '$.lastName')))), json_extract_string(p.traits, '$.email'), c.chs, r.revenue,"
        + " r.negative"
        + " FROM ranked r LEFT JOIN profiles p USING (customer_id)"
        + " LEFT JOIN channels c USING (customer_id)"
        + " ORDER BY r.last DESC NULLS LAST, r.customer_id";
    List<Rows.Row> rows = Rows.all(connection, sql, ids, traits, within, limit, offset);
    List<CustomerMatch> out = new ArrayList<>();
    long total = 0;
    for (Rows.Row r : rows) {
      total = r.getLong(5);
      String name = r.getString(6);
      out.add(new CustomerMatch(r.getString(1), name == null || name.isBlank() ? null : name,
          r.getString(7), r.getLong(2), r.instant(3), r.instant(4), r.strings(8),
          r.getDouble(9), r.getLong(10)));
    }
    if (rows.isEmpty() && offset > 0) {
      total = search(q, within, 0, 1).total();
    }
    return new CustomerPage(q, total, offset, limit, out);
  }
}
