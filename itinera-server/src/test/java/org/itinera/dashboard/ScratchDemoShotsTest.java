package org.itinera.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.analysis.ModelStages;
import org.itinera.ingest.Ingestor;
import org.itinera.journey.JourneyModel;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;

/** SCRATCH (not committed): the dashboard over the real demo data, screenshots and console. */
class ScratchDemoShotsTest {
  @Test
  void shots() throws Exception {
    try (Store store = Store.open(Path.of("/tmp/demo-real")); Ingestor ing = Ingestor.open(store)) {
      JourneyModel m = JourneyModel.defaultModel();
      ItineraServer server = ItineraServer.start(store, ing, "127.0.0.1", 0,
          new AdminRoutes(store, new ModelStages(m)), new QueryRoutes(store),
          new AnalysisRoutes(store, m), new DashboardRoutes());
      List<String> errors = new ArrayList<>();
      try (Browser b = new Browser(Path.of("target", "demo-shots"))) {
        String url = "http://127.0.0.1:" + server.port();
        b.driver.get(url + "/dashboard/login.html");
        b.find("#token").sendKeys(server.token().value());
        b.find("#login-form button[type=submit]").click();
        b.waitReady();
        b.severeLogs();
        String firstCustomer = null;
        for (String lang : List.of("ko", "en")) {
          b.js("localStorage.setItem('itinera.lang', arguments[0])", lang);
          for (String page : List.of("overview", "journey", "funnels", "paths", "retention",
              "heatmap", "voice", "customers")) {
            long t0 = System.nanoTime();
            b.size(Browser.LAPTOP);
            b.open(url, page);
            System.out.printf("%s %s %.0f ms%n", lang, page, (System.nanoTime() - t0) / 1e6);
            if (page.equals("customers") && firstCustomer == null) {
              firstCustomer = b.find("[data-customer]").getAttribute("data-customer");
            }
            b.screenshot(page + "-" + lang);
            for (String e : b.severeLogs()) {
              errors.add(lang + " " + page + ": " + e);
            }
          }
          b.open(url, "customers/" + java.net.URLEncoder.encode(firstCustomer, "UTF-8"));
          b.screenshot("journal-" + lang);
          b.size(Browser.PHONE);
          b.open(url, "journey");
          b.screenshot("journey-phone-" + lang);
          b.open(url, "overview");
          b.screenshot("overview-phone-" + lang);
        }
      } finally {
        server.close();
      }
      System.out.println("ERRORS " + errors);
    }
  }
}
