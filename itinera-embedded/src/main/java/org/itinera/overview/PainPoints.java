package org.itinera.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itinera.overview.OverviewReport.PainPoint;
import org.itinera.overview.OverviewReport.Quote;
import org.itinera.store.EventKinds;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;

/**
 * The topics customers complain about most: topics of negative texts ranked by how many texts
 * mention them, each with its most negative text as the quote (ties: the newest, then by id, so
 * the answer is the same every time).
 */
final class PainPoints {
  private final Connection connection;

  PainPoints(Connection connection) {
    this.connection = connection;
  }

  List<PainPoint> top(SqlWhere inPeriod, int limit) throws SQLException {
    SqlWhere w = inPeriod.copy().and(EventKinds.NEGATIVE_TEXT);
    String sql = "WITH m AS (SELECT unnest(topics) AS topic, event_id, customer_id, ts, channel,"
        + " text, sentiment FROM events" + w.sql() + "),"
        + " agg AS (SELECT topic, count(*) AS mentions, count(DISTINCT customer_id) AS customers,"
        + " avg(sentiment) AS mean FROM m GROUP BY topic),"
        + " q AS (SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY topic"
        + " ORDER BY sentiment, ts DESC, event_id) = 1)"
        + " SELECT agg.topic, mentions, customers, mean, q.event_id, q.customer_id, q.ts,"
        + " q.channel, q.text, q.sentiment FROM agg JOIN q USING (topic)"
        + " ORDER BY mentions DESC, mean, agg.topic LIMIT ?";
    List<PainPoint> out = new ArrayList<>();
    for (Rows.Row r : Rows.all(connection, sql, w, limit)) {
      out.add(new PainPoint(r.getString(1), r.getLong(2), r.getLong(3), r.getDouble(4),
          new Quote(r.getString(5), r.getString(6), r.instant(7), r.getString(8),
              r.getString(9), r.nullableDouble(10))));
    }
    return out;
  }
}
