package org.itinera.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.itinera.dashboard.Http;
import org.itinera.dashboard.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiTest {
  @TempDir Path dir;

  /** "GET /api/overview" for every operation the document describes. */
  static Set<String> documented(JsonNode doc) {
    Set<String> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue().fieldNames().forEachRemaining(m ->
          out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
    }
    return out;
  }

  /** The registered endpoints under /api and /v1 (before-handlers are not endpoints). */
  static Set<String> registered(ItineraServer server) {
    Set<String> out = new TreeSet<>();
    for (String r : server.routes()) {
      String path = r.substring(r.indexOf(' ') + 1);
      boolean endpoint = !r.startsWith("BEFORE") && !r.startsWith("AFTER");
      if (endpoint && (path.startsWith("/api/") || path.startsWith("/v1/"))) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void openapi_describesExactlyTheRegisteredApi() {
    try (TestServer s = new TestServer(dir)) {
      JsonNode doc = Http.parse(new Http(s.url()).send(new Http(s.url()).get("/openapi.json"))
          .body());
      assertThat(doc.path("openapi").asText()).startsWith("3.");
      Set<String> documented = documented(doc);
      Set<String> registered = registered(s.server);
      assertThat(registered).contains("GET /api/overview", "GET /api/customers",
          "POST /v1/batch");
      assertThat(documented).as("registered endpoints missing from openapi.json")
          .containsAll(registered);
      Set<String> extra = new TreeSet<>(documented);
      extra.removeIf(op -> !op.contains(" /api/") && !op.contains(" /v1/"));
      assertThat(registered).as("openapi.json describes endpoints the server lacks")
          .containsAll(extra);
      for (String op : documented) {
        String[] parts = op.split(" ");
        JsonNode operation = doc.path("paths").path(parts[1]).path(parts[0].toLowerCase());
        assertThat(operation.path("responses").size()).as(op).isPositive();
        assertThat(operation.path("summary").asText()).as(op).isNotBlank();
      }
    }
  }
}
