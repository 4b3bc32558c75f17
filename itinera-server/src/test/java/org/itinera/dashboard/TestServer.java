package org.itinera.dashboard;

import java.nio.file.Path;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.ingest.Ingestor;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

/**
 * The real server on a free port over a fresh store loaded with {@link ShopData} through the
 * real ingestor, with the admin, query, analysis and dashboard routes and the default journey
 * model, as {@code itinera serve} should wire them.
 */
public final class TestServer implements AutoCloseable {
  public final Store store;
  public final Ingestor ingestor;
  public final ItineraServer server;

  public TestServer(Path dir) {
    store = Store.open(dir);
    ingestor = Ingestor.open(store);
    ingestor.ingest(ShopData.events());
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

  @Override
  public void close() {
    server.close();
    ingestor.close();
    store.close();
  }

  /** Runs the dashboard over the test shop for a look by hand: prints the URL and token. */
  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/dashboard-demo");
    try (TestServer s = new TestServer(dir)) {
      System.out.println(s.url() + "/dashboard/  token: " + s.token());
      Thread.currentThread().join();
    }
  }
}
