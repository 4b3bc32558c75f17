package org.itinera.cli;

import org.itinera.admin.AdminRoutes;
import org.itinera.ingest.TextEnricher;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;

/** The one place where features are wired together for the server and the demo. */
final class Wiring {
  private Wiring() {}

  static TextEnricher textEnricher() {
    return TextEnricher.NONE;
  }

  static ItineraServer.Routes[] routes(Store store) {
    return new ItineraServer.Routes[] {new AdminRoutes(store)};
  }
}
