package org.itinera.cli;

import org.itinera.admin.AdminRoutes;
import org.itinera.analysis.AnalysisRoutes;
import org.itinera.analysis.ModelStages;
import org.itinera.dashboard.DashboardRoutes;
import org.itinera.ingest.TextEnricher;
import org.itinera.journal.StageOf;
import org.itinera.journey.JourneyModel;
import org.itinera.query.QueryRoutes;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;

/** The one place where features are wired together for the server and the demo. */
final class Wiring {
  private Wiring() {}

  /** Language, sentiment, emotion and topics for every event that carries text. */
  static TextEnricher textEnricher() {
    TextAnalyzer analyzer = TextAnalyzer.load();
    return e -> {
      TextAnalysis a = analyzer.analyze(e.text());
      return e.withTextAnalysis(a.lang().code(), a.score(), a.emotion().code(), a.topics());
    };
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
    return new ItineraServer.Routes[] {new AdminRoutes(store, stages(store)),
        new QueryRoutes(store, journeyModel()), new AnalysisRoutes(store, journeyModel()),
        new DashboardRoutes()};
  }
}
