package org.itinera.dashboard;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.TextEnricher;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;

/**
 * The real server on a free port over a fresh store loaded through the real ingestor with
 * {@link ShopData} or the demo data set, with the admin, query, analysis and dashboard routes
 * and the default journey model, as {@code itinera serve} wires them.
 */
public final class TestServer implements AutoCloseable {
  public final Store store;
  public final Ingestor ingestor;
  public final ItineraServer server;

  public TestServer(Path dir) {
    this(dir, TextEnricher.NONE, 0);
  }

  /**
   * The same server over the demo data set of the given number of customers ({@link DemoShop}),
   * texts scored by the text analyzer as {@code itinera demo} scores them.
   */
  public static TestServer demo(Path dir, int customers) {
    TextAnalyzer analyzer = TextAnalyzer.load();
    return new TestServer(dir, e -> {
      TextAnalysis a = analyzer.analyze(e.text());
      return e.withTextAnalysis(a.lang().code(), a.score(), a.emotion().code(), a.topics());
    }, customers);
  }

  private TestServer(Path dir, TextEnricher enricher, int demoCustomers) {
    store = Store.open(dir);
    ingestor = Ingestor.open(store, enricher);
    if (demoCustomers > 0) {
      DemoShop.load(store, ingestor, demoCustomers);
    } else {
      ingestor.ingest(ShopData.events());
    }
    server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
        new AdminRoutes(store, new ModelStages(JourneyModel.defaultModel())),
        new QueryRoutes(store), new AnalysisRoutes(store, JourneyModel.defaultModel()),
        new DashboardRoutes());
  }

  public String url() {
    return "http://127.0.0.1:" + server.port();
  }

  public String token() {
    return server.token().value();
  }

  /** The single number a SQL query over the store answers, e.g. a {@code count(*)}. */
  public long count(String sql) {
    try (Connection c = store.newConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    server.close();
    ingestor.close();
    store.close();
  }

  /**
   * Runs the dashboard for a look by hand over the test shop, or over N demo customers when a
   * second argument N is given: prints the URL and token.
   */
  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/dashboard-demo");
    try (TestServer s = args.length > 1 ? demo(dir, Integer.parseInt(args[1]))
        : new TestServer(dir)) {
      System.out.println(s.url() + "/dashboard/  token: " + s.token());
      Thread.currentThread().join();
    }
  }
}
