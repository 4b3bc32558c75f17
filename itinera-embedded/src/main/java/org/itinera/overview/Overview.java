package org.itinera.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.overview.OverviewReport.ChannelSeries;
import org.itinera.overview.OverviewReport.Conversion;
import org.itinera.overview.OverviewReport.Csat;
import org.itinera.overview.OverviewReport.Money;
import org.itinera.overview.OverviewReport.Nps;
import org.itinera.overview.OverviewReport.NpsPoint;
import org.itinera.overview.OverviewReport.SentimentPoint;
import org.itinera.store.EventKinds;
import org.itinera.store.Period;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;

/**
 * Computes the {@link OverviewReport} of a period. Each figure is one SQL aggregate over
 * {@code events}; the period is a bound parameter and the bucket expression comes from the
 * {@link Granularity} constant, so no request text reaches the SQL.
 *
 * <p>Time series count touchpoints only: identify, alias and group calls are bookkeeping, not
 * something a customer did, and would drown the channels that matter.
 */
public final class Overview {
  static final int PAIN_POINTS = 8;
  static final int MAX_BUCKETS = 1000;
  static final String TOUCHPOINT = "type NOT IN ('identify', 'alias', 'group')";

  private final Connection connection;

  public Overview(Connection connection) {
    this.connection = connection;
  }

  public OverviewReport report(Period period, Granularity granularity) {
    try {
      return compute(period, granularity);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot compute the overview: " + e.getMessage(), e);
    }
  }

  private OverviewReport compute(Period period, Granularity requested) throws SQLException {
    SqlWhere inPeriod = new SqlWhere();
    period.restrict(inPeriod, "ts");
    long customersTotal = Rows.one(connection,
        "SELECT count(DISTINCT customer_id) FROM events", new SqlWhere()).getLong(1);

    Rows.Row totals = Rows.one(connection, "SELECT count(*), count(DISTINCT customer_id),"
        + " count(DISTINCT customer_id) FILTER (WHERE " + EventKinds.PURCHASE + "),"
        + " count(*) FILTER (WHERE " + EventKinds.PURCHASE + "),"
        + " CAST(min(ts) AS DATE), CAST(max(ts) AS DATE) FROM events" + inPeriod.sql(), inPeriod);
    long events = totals.getLong(1);
    long customers = totals.getLong(2);
    Conversion conversion = new Conversion(customers, totals.getLong(3), totals.getLong(4),
        customers == 0 ? 0 : (double) totals.getLong(3) / customers);
    // The series spans the period asked for; an open end stops at the data's first/last day.
    LocalDate first = period.from() != null ? period.from() : totals.date(5);
    LocalDate last = period.to() != null ? period.to() : totals.date(6);
    if (first != null && last == null) {
      last = first; // from given, no data in it: a one-bucket series of zeros
    } else if (first == null && last != null) {
      first = last;
    }
    Granularity g = first == null ? Granularity.DAY : requested.resolve(first, last);

    List<Money> revenue = new ArrayList<>();
    SqlWhere paid = inPeriod.copy().and(EventKinds.PURCHASE).and("revenue IS NOT NULL");
    for (Rows.Row r : Rows.all(connection, "SELECT coalesce(currency, ''), sum(revenue), count(*)"
        + " FROM events" + paid.sql() + " GROUP BY 1 ORDER BY 3 DESC, 1", paid)) {
      revenue.add(new Money(r.getString(1), r.getDouble(2), r.getLong(3)));
    }

    List<LocalDate> buckets = new ArrayList<>();
    if (first != null) {
      for (LocalDate b = g.bucketOf(first); !b.isAfter(last); b = g.next(b)) {
        buckets.add(b);
        if (buckets.size() > MAX_BUCKETS) {
          throw ItineraException.invalid("granularity", "the period " + first + " to " + last
              + " has more than " + MAX_BUCKETS + " " + g.name().toLowerCase(java.util.Locale.ROOT)
              + "s; choose a shorter period or a coarser granularity");
        }
      }
    }
    Map<LocalDate, Integer> index = new HashMap<>();
    List<String> periods = new ArrayList<>();
    for (LocalDate b : buckets) {
      index.put(b, periods.size());
      periods.add(b.toString());
    }

    return new OverviewReport(str(first), str(last), g.name().toLowerCase(java.util.Locale.ROOT),
        customersTotal, customers, events, conversion, revenue, periods,
        byChannel(inPeriod, g, index), nps(inPeriod), npsTrend(inPeriod, g, buckets),
        csat(inPeriod), sentiment(inPeriod, g, buckets), unscored(inPeriod),
        new PainPoints(connection).top(inPeriod, PAIN_POINTS));
  }

  private List<ChannelSeries> byChannel(SqlWhere inPeriod, Granularity g,
      Map<LocalDate, Integer> index) throws SQLException {
    SqlWhere w = inPeriod.copy().and(TOUCHPOINT);
    Map<String, long[]> series = new LinkedHashMap<>();
    for (Rows.Row r : Rows.all(connection, "SELECT coalesce(channel, 'unknown') AS ch, CAST("
        + g.sqlBucket + " AS DATE), count(*), sum(count(*)) OVER (PARTITION BY ch) AS total"
        + " FROM events" + w.sql() + " GROUP BY 1, 2 ORDER BY total DESC, ch, 2", w)) {
      long[] counts = series.computeIfAbsent(r.getString(1), k -> new long[index.size()]);
      counts[index.get(r.date(2))] = r.getLong(3);
    }
    List<ChannelSeries> out = new ArrayList<>();
    series.forEach((channel, counts) -> {
      List<Long> list = new ArrayList<>(counts.length);
      long total = 0;
      for (long c : counts) {
        list.add(c);
        total += c;
      }
      out.add(new ChannelSeries(channel, total, list));
    });
    return out;
  }

  private static final String NPS_COUNTS = "count(*) FILTER (WHERE rating >= 9),"
      + " count(*) FILTER (WHERE rating >= 7 AND rating < 9), count(*) FILTER (WHERE rating < 7),"
      + " count(*)";

  private Nps nps(SqlWhere inPeriod) throws SQLException {
    SqlWhere w = inPeriod.copy().and(EventKinds.NPS);
    Rows.Row r = Rows.one(connection, "SELECT " + NPS_COUNTS + " FROM events" + w.sql(), w);
    long responses = r.getLong(4);
    if (responses == 0) {
      return null;
    }
    return new Nps(npsScore(r.getLong(1), r.getLong(3), responses), responses, r.getLong(1),
        r.getLong(2), r.getLong(3));
  }

  static double npsScore(long promoters, long detractors, long responses) {
    return 100.0 * (promoters - detractors) / responses;
  }

  private List<NpsPoint> npsTrend(SqlWhere inPeriod, Granularity g, List<LocalDate> buckets)
      throws SQLException {
    SqlWhere w = inPeriod.copy().and(EventKinds.NPS);
    Map<LocalDate, NpsPoint> found = new HashMap<>();
    for (Rows.Row r : Rows.all(connection, "SELECT CAST(" + g.sqlBucket + " AS DATE), "
        + NPS_COUNTS + " FROM events" + w.sql() + " GROUP BY 1", w)) {
      found.put(r.date(1), new NpsPoint(r.date(1).toString(),
          npsScore(r.getLong(2), r.getLong(4), r.getLong(5)), r.getLong(5)));
    }
    List<NpsPoint> out = new ArrayList<>();
    for (LocalDate b : buckets) {
      out.add(found.getOrDefault(b, new NpsPoint(b.toString(), null, 0)));
    }
    return out;
  }

  private Csat csat(SqlWhere inPeriod) throws SQLException {
    SqlWhere w = inPeriod.copy().and(EventKinds.CSAT);
    Rows.Row r = Rows.one(connection, "SELECT avg(rating), count(*),"
        + " count(*) FILTER (WHERE rating >= 4) FROM events" + w.sql(), w);
    long responses = r.getLong(2);
    return responses == 0 ? null
        : new Csat(r.getDouble(1), responses, (double) r.getLong(3) / responses);
  }

  private List<SentimentPoint> sentiment(SqlWhere inPeriod, Granularity g,
      List<LocalDate> buckets) throws SQLException {
    SqlWhere w = inPeriod.copy().and("text IS NOT NULL AND sentiment IS NOT NULL");
    Map<LocalDate, SentimentPoint> found = new HashMap<>();
    for (Rows.Row r : Rows.all(connection, "SELECT CAST(" + g.sqlBucket + " AS DATE),"
        + " avg(sentiment), count(*), count(*) FILTER (WHERE " + EventKinds.NEGATIVE_TEXT + "),"
        + " count(*) FILTER (WHERE " + EventKinds.POSITIVE_TEXT + ") FROM events" + w.sql()
        + " GROUP BY 1", w)) {
      found.put(r.date(1), new SentimentPoint(r.date(1).toString(), r.getDouble(2), r.getLong(3),
          r.getLong(4), r.getLong(5)));
    }
    List<SentimentPoint> out = new ArrayList<>();
    for (LocalDate b : buckets) {
      out.add(found.getOrDefault(b, new SentimentPoint(b.toString(), null, 0, 0, 0)));
    }
    return out;
  }

  private long unscored(SqlWhere inPeriod) throws SQLException {
    SqlWhere w = inPeriod.copy().and("text IS NOT NULL AND sentiment IS NULL");
    return Rows.one(connection, "SELECT count(*) FROM events" + w.sql(), w).getLong(1);
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
