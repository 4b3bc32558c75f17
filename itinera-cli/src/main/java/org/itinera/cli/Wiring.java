package org.itinera.cli;

import java.nio.file.Path;
import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.dashboard.DashboardRoutes;
import org.itinera.ingest.TextEnricher;
import org.itinera.journal.StageOf;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;

/** The one place where features are wired together for the server and the demo. */
final class Wiring {
  private Wiring() {}

  /**
   * Language, sentiment, emotion and topics for every event that carries text, by the data
   * directory's own model ({@code itinera text train --data}) or else the shipped one.
   */
  static TextEnricher textEnricher(Path dataDir) {
    return TextAnalyzer.forDataDir(dataDir)::enrich;
  }

  /** The journey model the server's journals and journey map use. */
  static JourneyModel journeyModel() {
    return JourneyModel.defaultModel();
  }

  /** Stage of each event, by the journey model's rules. */
  static StageOf stages(Store store) {
    return new ModelStages(journeyModel());
  }

  static ItineraServer.Routes[] routes(Store store) {
    AnalysisRoutes analyses = new AnalysisRoutes(store, journeyModel());
    return new ItineraServer.Routes[] {new AdminRoutes(store, stages(store)),
        new QueryRoutes(store, analyses::sequences, journeyModel()), analyses,
        new DashboardRoutes()};
  }
}
