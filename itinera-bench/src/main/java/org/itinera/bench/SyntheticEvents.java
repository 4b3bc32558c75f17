package org.itinera.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Deterministic synthetic journeys written straight into the store's {@code events} table by one
 * DuckDB statement (no randomness: every value is a fixed function of the row number, so every run
 * and every machine gets the same data).
 *
 * <p>Shape: {@code customers} customers with {@code events / customers} events each, arriving
 * interleaved (row i belongs to customer i mod customers, as its (i div customers)-th event); each
 * customer starts somewhere in 2025 and acts about every 8 hours. Names follow a skewed
 * distribution in which the 5-step purchase funnel (Page Viewed, Product Viewed, Product Added,
 * Checkout Started, Order Completed) thins out step by step, plus 12 other events across the
 * journey stages; about a fifth of events carry a sentiment, orders carry revenue. Each customer
 * has one identity (its user id) in {@code identities}, as the writers would record it.
 *
 * <p>The interleaving walks the customers in id order, round after round, which is kinder to a
 * build's per-customer state than a live store's arrival order; {@link ShuffleArrival} rewrites a
 * copy in a random order for builds measured on realistic arrival.
 */
final class SyntheticEvents {
  static final String[] FUNNEL = {"Page Viewed", "Product Viewed", "Product Added",
      "Checkout Started", "Order Completed"};

  private SyntheticEvents() {}

  static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM events")) {
      r.next();
      return r.getLong(1);
    }
  }

  static void generate(Connection c, long events, int customers) throws SQLException {
    String sql = """
        INSERT INTO events (seq, event_id, customer_id, user_id, ts, received_at, type, name,
                            channel, sentiment, revenue)
        SELECT i, 'e' || i, cid, cid, ts, ts,
               CASE WHEN nm = 'Page Viewed' THEN 'page' ELSE 'track' END, nm, ch,
               CASE WHEN nm IN ('Review Submitted', 'Ticket Opened', 'Chat Started',
                                'Survey Answered') OR h3 % 10 = 0
                    THEN ((h1 % 2001) - 1000) / 1000.0 END,
               CASE WHEN nm = 'Order Completed' THEN (h1 % 50000) / 100.0 END
        FROM (
          SELECT i, 'cust_' || lpad(CAST(c AS VARCHAR), 8, '0') AS cid,
                 TIMESTAMP '2025-01-01' + to_milliseconds(((c * 7919) % 31536000) * 1000
                     + k * 28800000 + h1 % 28800000) AS ts,
                 CASE WHEN h2 < 3000 THEN 'Page Viewed'
                      WHEN h2 < 5000 THEN 'Product Viewed'
                      WHEN h2 < 5900 THEN 'Product Added'
                      WHEN h2 < 6400 THEN 'Checkout Started'
                      WHEN h2 < 6800 THEN 'Order Completed'
                      ELSE ['Email Opened', 'App Opened', 'Products Searched', 'Signed In',
                            'Ticket Opened', 'Chat Started', 'Review Submitted',
                            'Survey Answered', 'Ad Clicked', 'Cart Viewed', 'Product Shared',
                            'Order Delivered'][1 + h2 % 12] END AS nm,
                 ['web', 'app', 'email', 'store', 'call_center'][1 + h3 % 5] AS ch, h1, h3
          FROM (SELECT i, i % ? AS c, i // ? AS k, itinera_mix(3 * i) AS h1,
                       itinera_mix(3 * i + 1) % 10000 AS h2, itinera_mix(3 * i + 2) % 1000 AS h3
                FROM range(?) t(i)))
        """;
    try (Statement macros = c.createStatement()) {
      // A fixed, non-linear mix of the row number (Lehmer steps and xor-shifts, all below 2^31
      // so nothing overflows): values look random yet are the same on every run and version.
      macros.execute("CREATE OR REPLACE TEMP MACRO itinera_lehmer(x, a) AS (x * a) % 2147483647");
      macros.execute("CREATE OR REPLACE TEMP MACRO itinera_xs(x, s) AS xor(x, x >> s)");
      macros.execute("CREATE OR REPLACE TEMP MACRO itinera_mix(x) AS itinera_xs(itinera_lehmer("
          + "itinera_xs(itinera_lehmer(itinera_xs(itinera_lehmer(x + 1, 48271), 13), 16807), 11), "
          + "48271), 15)");
    }
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, customers);
      s.setLong(2, customers);
      s.setLong(3, events);
      s.execute();
    }
    identities(c, customers);
  }

  /**
   * The identity graph the writers would have kept for these customers: one user id each, named
   * after it. A data set generated before the generator wrote it gets it here, once.
   */
  static void identities(Connection c, int customers) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM identities")) {
      r.next();
      if (r.getLong(1) > 0) {
        return;
      }
    }
    try (PreparedStatement s = c.prepareStatement("""
        INSERT INTO identities (identity, customer_id, first_seen)
        SELECT 'user:' || cid, cid, TIMESTAMP '2025-01-01' + to_milliseconds(
                   ((c * 7919) % 31536000) * 1000)
        FROM (SELECT c, 'cust_' || lpad(CAST(c AS VARCHAR), 8, '0') AS cid FROM range(?) t(c))
        """)) {
      s.setLong(1, customers);
      s.execute();
    }
  }
}
