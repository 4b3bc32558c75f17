package org.itinera.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Computes the {@link OverviewReport} of a period.
 *
 * <p>Design notes. The report needs a handful of scans of {@code events}, not one per figure:
 * one for the totals and the data's extent (which decides the bucket size), one that groups by
 * bucket and channel and computes every per-bucket figure at once with FILTER clauses (Java then
 * sums channels into buckets and buckets into the period), one for revenue per currency and one
 * for pain points. The period is a bound parameter and the bucket expression comes from the
 * {@link Granularity} constant, so no request text reaches the SQL. Time series count touchpoints
 * only: identify, alias and group calls are bookkeeping, not something a customer did.
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

  static double npsScore(long promoters, long detractors, long responses) {
    return 100.0 * (promoters - detractors) / responses;
  }

  private OverviewReport compute(Period period, Granularity requested) throws SQLException {
    SqlWhere inPeriod = new SqlWhere();
    period.restrict(inPeriod, "ts");
    long customersTotal = Rows.one(connection,
        "SELECT count(DISTINCT customer_id) FROM identities").getLong(1);
    Rows.Row totals = Rows.one(connection, "SELECT count(*), count(DISTINCT customer_id),"
        + " count(DISTINCT customer_id) FILTER (WHERE " + EventKinds.PURCHASE + "),"
        + " count(*) FILTER (WHERE " + EventKinds.PURCHASE + "),"
        + " CAST(min(ts) FILTER (WHERE " + TOUCHPOINT + ") AS DATE),"
        + " CAST(max(ts) FILTER (WHERE " + TOUCHPOINT + ") AS DATE) FROM events" + inPeriod.sql(),
        inPeriod);
    long customers = totals.getLong(2);
    Conversion conversion = new Conversion(customers, totals.getLong(3), totals.getLong(4),
        customers == 0 ? 0 : (double) totals.getLong(3) / customers);

    // The series spans the period asked for; an open end stops at the first/last day with a
    // touchpoint (a profile imported with its sign-up date would otherwise stretch it for years).
    LocalDate first = period.from() != null ? period.from() : totals.date(5);
    LocalDate last = period.to() != null ? period.to() : totals.date(6);
    if (first != null && last == null) {
      last = first; // from given, no data in it: a one-bucket series of zeros
    } else if (first == null && last != null) {
      first = last;
    }
    Granularity g = first == null ? Granularity.DAY : requested.resolve(first, last);
    List<LocalDate> buckets = buckets(first, last, g);
    Series s = series(inPeriod, g, buckets);

    List<Money> revenue = new ArrayList<>();
    SqlWhere paid = inPeriod.copy().and(EventKinds.PURCHASE).and("revenue IS NOT NULL");
    for (Rows.Row r : Rows.all(connection, "SELECT coalesce(currency, ''), sum(revenue), count(*)"
        + " FROM events" + paid.sql() + " GROUP BY 1 ORDER BY 3 DESC, 1", paid)) {
      revenue.add(new Money(r.getString(1), r.getDouble(2), r.getLong(3)));
    }
    return new OverviewReport(str(first), str(last), g.name().toLowerCase(Locale.ROOT),
        customersTotal, customers, totals.getLong(1), conversion, revenue,
        buckets.stream().map(LocalDate::toString).toList(), s.channels(), s.nps(), s.npsTrend(),
        s.csat(), s.sentiment(), s.unscored, new PainPoints(connection).top(inPeriod, PAIN_POINTS));
  }

  private static List<LocalDate> buckets(LocalDate first, LocalDate last, Granularity g) {
    List<LocalDate> buckets = new ArrayList<>();
    if (first == null) {
      return buckets;
    }
    for (LocalDate b = g.bucketOf(first); !b.isAfter(last); b = g.next(b)) {
      buckets.add(b);
      if (buckets.size() > MAX_BUCKETS) {
        throw ItineraException.invalid("granularity", "the period " + first + " to " + last
            + " has more than " + MAX_BUCKETS + " " + g.name().toLowerCase(Locale.ROOT)
            + "s; choose a shorter period or a coarser granularity");
      }
    }
    return buckets;
  }

  /**
   * Every per-bucket figure by bucket and channel; BUCKET and WHERE_CLAUSE are filled in. The
   * NPS and CSAT tests read JSON, so they run only on rated events (CASE evaluates lazily).
   */
  private static final String PER_BUCKET = "SELECT bucket, ch, count(*) FILTER (WHERE touch),"
      + " count(*) FILTER (WHERE nps AND rating >= 9),"
      + " count(*) FILTER (WHERE nps AND rating >= 7 AND rating < 9),"
      + " count(*) FILTER (WHERE nps AND rating < 7),"
      + " sum(rating) FILTER (WHERE csat), count(*) FILTER (WHERE csat),"
      + " count(*) FILTER (WHERE csat AND rating >= 4),"
      + " sum(sentiment) FILTER (WHERE text IS NOT NULL),"
      + " count(sentiment) FILTER (WHERE text IS NOT NULL),"
      + " count(*) FILTER (WHERE " + EventKinds.NEGATIVE_TEXT + "),"
      + " count(*) FILTER (WHERE " + EventKinds.POSITIVE_TEXT + "),"
      + " count(*) FILTER (WHERE text IS NOT NULL AND sentiment IS NULL)"
      + " FROM (SELECT CAST(BUCKET AS DATE) AS bucket, coalesce(channel, 'unknown') AS ch,"
      + " " + TOUCHPOINT + " AS touch, rating, text, sentiment,"
      + " CASE WHEN rating IS NULL THEN FALSE ELSE " + EventKinds.NPS + " END AS nps,"
      + " CASE WHEN rating IS NULL THEN FALSE ELSE " + EventKinds.CSAT + " END AS csat"
      + " FROM events WHERE_CLAUSE) GROUP BY 1, 2";

  private Series series(SqlWhere inPeriod, Granularity g, List<LocalDate> buckets)
      throws SQLException {
    Series s = new Series(buckets);
    for (Rows.Row r : Rows.all(connection,
        PER_BUCKET.replace("BUCKET", g.sqlBucket).replace(" WHERE_CLAUSE", inPeriod.sql()),
        inPeriod)) {
      Integer at = s.index.get(r.date(1));
      if (at == null) {
        continue; // bookkeeping events (identify, ...) outside the touchpoints' days
      }
      int i = at;
      long[] channel = s.byChannel.computeIfAbsent(r.getString(2), k -> new long[buckets.size()]);
      channel[i] += r.getLong(3);
      s.promoters[i] += r.getLong(4);
      s.passives[i] += r.getLong(5);
      s.detractors[i] += r.getLong(6);
      s.csatSum += r.getDouble(7);
      s.csatCount += r.getLong(8);
      s.csatSatisfied += r.getLong(9);
      s.sentimentSum[i] += r.getDouble(10);
      s.scored[i] += r.getLong(11);
      s.negative[i] += r.getLong(12);
      s.positive[i] += r.getLong(13);
      s.unscored += r.getLong(14);
    }
    return s;
  }

  /** Per-bucket accumulators of the one grouped scan, and the report parts made from them. */
  private static final class Series {
    final List<LocalDate> buckets;
    final Map<LocalDate, Integer> index = new HashMap<>();
    final Map<String, long[]> byChannel = new LinkedHashMap<>();
    final long[] promoters;
    final long[] passives;
    final long[] detractors;
    final double[] sentimentSum;
    final long[] scored;
    final long[] negative;
    final long[] positive;
    double csatSum;
    long csatCount;
    long csatSatisfied;
    long unscored;

    Series(List<LocalDate> buckets) {
      this.buckets = buckets;
      for (LocalDate b : buckets) {
        index.put(b, index.size());
      }
      int n = buckets.size();
      promoters = new long[n];
      passives = new long[n];
      detractors = new long[n];
      sentimentSum = new double[n];
      scored = new long[n];
      negative = new long[n];
      positive = new long[n];
    }

    /** Channels with touchpoints, most events first (ties by name). */
    List<ChannelSeries> channels() {
      List<ChannelSeries> out = new ArrayList<>();
      byChannel.forEach((channel, counts) -> {
        List<Long> list = new ArrayList<>(counts.length);
        long total = 0;
        for (long c : counts) {
          list.add(c);
          total += c;
        }
        if (total > 0) {
          out.add(new ChannelSeries(channel, total, list));
        }
      });
      out.sort((a, b) -> a.total() != b.total() ? Long.compare(b.total(), a.total())
          : a.channel().compareTo(b.channel()));
      return out;
    }

    Nps nps() {
      long p = sum(promoters);
      long q = sum(passives);
      long d = sum(detractors);
      return p + q + d == 0 ? null : new Nps(npsScore(p, d, p + q + d), p + q + d, p, q, d);
    }

    List<NpsPoint> npsTrend() {
      List<NpsPoint> out = new ArrayList<>();
      for (int i = 0; i < buckets.size(); i++) {
        long n = promoters[i] + passives[i] + detractors[i];
        out.add(new NpsPoint(buckets.get(i).toString(),
            n == 0 ? null : npsScore(promoters[i], detractors[i], n), n));
      }
      return out;
    }

    Csat csat() {
      return csatCount == 0 ? null
          : new Csat(csatSum / csatCount, csatCount, (double) csatSatisfied / csatCount);
    }

    List<SentimentPoint> sentiment() {
      List<SentimentPoint> out = new ArrayList<>();
      for (int i = 0; i < buckets.size(); i++) {
        out.add(new SentimentPoint(buckets.get(i).toString(),
            scored[i] == 0 ? null : sentimentSum[i] / scored[i], scored[i], negative[i],
            positive[i]));
      }
      return out;
    }

    private static long sum(long[] a) {
      long s = 0;
      for (long v : a) {
        s += v;
      }
      return s;
    }
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
