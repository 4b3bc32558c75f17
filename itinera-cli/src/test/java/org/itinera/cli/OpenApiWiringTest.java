package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.itinera.ingest.Ingestor;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as {@code itinera serve} wires it: every /api and /v1 endpoint any feature registers
 * must be described in /openapi.json, so the published API document cannot fall behind the code.
 */
class OpenApiWiringTest {
  @TempDir Path dir;

  @Test
  void everyWiredEndpoint_isInTheOpenApiDocument() throws Exception {
    JsonNode doc;
    try (InputStream in = ItineraServer.class.getResourceAsStream(
        "/org/itinera/server/openapi.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    Set<String> wired = new TreeSet<>();
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      ItineraServer server = ItineraServer.start(store, ingestor, "127.0.0.1", 0,
          Wiring.routes(store));
      try {
        for (String r : server.routes()) {
          String path = r.substring(r.indexOf(' ') + 1);
          if (!r.startsWith("BEFORE") && !r.startsWith("AFTER")
              && (path.startsWith("/api/") || path.startsWith("/v1/"))) {
            wired.add(r);
          }
        }
      } finally {
        server.close();
      }
    }
    assertThat(wired).contains("POST /v1/track", "GET /api/sources");
    assertThat(documented).as("endpoints wired in the server but missing from openapi.json")
        .containsAll(wired);
  }
}
