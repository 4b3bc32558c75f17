package org.itinera.cli;

import org.itinera.admin.AdminRoutes;
import org.itinera.ingest.TextEnricher;
import org.itinera.journal.StageOf;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

/** The one place where features are wired together for the server and the demo. */
final class Wiring {
  private Wiring() {}

  static TextEnricher textEnricher() {
    return TextEnricher.NONE;
  }

  /** Stage of each event from the journey model; none until the model is configured. */
  static StageOf stages(Store store) {
    return StageOf.NONE;
  }

  static ItineraServer.Routes[] routes(Store store) {
    return new ItineraServer.Routes[] {new AdminRoutes(store, stages(store))};
  }
}
