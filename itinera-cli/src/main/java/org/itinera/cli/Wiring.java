package org.itinera.cli;

import org.itinera.admin.AdminRoutes;
import org.itinera.ingest.TextEnricher;
import org.itinera.journal.StageOf;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

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

  /** Stage of each event from the journey model; none until the model is configured. */
  static StageOf stages(Store store) {
    return StageOf.NONE;
  }

  static ItineraServer.Routes[] routes(Store store) {
    return new ItineraServer.Routes[] {new AdminRoutes(store, stages(store))};
  }
}
