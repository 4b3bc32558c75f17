package org.itinera.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves {@code /openapi.json}: the OpenAPI 3 description of every {@code /api} and {@code /v1}
 * endpoint, written by hand next to this class. A test compares it with the routes the server
 * registers, so it cannot drift from the code.
 */
final class OpenApi {
  static final String RESOURCE = "/org/itinera/server/openapi.json";
  private static final byte[] DOCUMENT = load();

  private OpenApi() {}

  private static byte[] load() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void serve(Context ctx) {
    ctx.contentType("application/json; charset=utf-8").result(DOCUMENT);
  }
}
