package org.itinera.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * The CLI's client for {@code --server URL}: JSON over HTTP with the admin token, and the server's
 * JSON errors turned back into {@link ItineraException}s so messages read the same either way.
 */
final class RemoteServer {
  /**
   * Answers are read into the same result types the local engine returns; fields a newer server
   * adds are skipped.
   */
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final String base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RemoteServer(String base, String token) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
  }

  static RemoteServer of(ServerOption server, DataDirOption dataDir) {
    String token = server.token;
    if (token == null) {
      Path file = dataDir.data.resolve("admin-token");
      try {
        token = Files.exists(file) ? Files.readString(file).strip() : null;
      } catch (IOException e) {
        token = null;
      }
    }
    if (token == null) {
      throw new ItineraException(ErrorCode.UNAUTHORIZED, "token",
          "--server needs the admin token: pass --token or --data DIR holding admin-token");
    }
    return new RemoteServer(server.url, token);
  }

  <T> T get(String path, Class<T> type) {
    return JSON.convertValue(send(HttpRequest.newBuilder(uri(path)).GET()), type);
  }

  <T> List<T> getList(String path, Class<T> type) {
    JsonNode node = send(HttpRequest.newBuilder(uri(path)).GET());
    return JSON.convertValue(node,
        JSON.getTypeFactory().constructCollectionType(List.class, type));
  }

  Map<?, ?> post(String path, Object body) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(body);
      return JSON.convertValue(send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))), Map.class);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot encode request: " + e.getMessage());
    }
  }

  private URI uri(String path) {
    try {
      return URI.create(base + path);
    } catch (IllegalArgumentException e) {
      throw ItineraException.invalid("server", "'" + base + "' is not a URL: " + e.getMessage());
    }
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = http.send(
          request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() >= 400) {
        JsonNode err = body.path("error");
        throw new ItineraException(codeOf(err.path("code").asText()),
            err.path("field").isMissingNode() ? null : err.path("field").asText(),
            "server answered " + response.statusCode() + ": " + err.path("message").asText());
      }
      return body;
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "server",
          "cannot reach " + base + " (" + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the server running?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, "interrupted");
    }
  }

  private static ErrorCode codeOf(String name) {
    try {
      return ErrorCode.valueOf(name);
    } catch (IllegalArgumentException e) {
      return ErrorCode.INTERNAL;
    }
  }
}
