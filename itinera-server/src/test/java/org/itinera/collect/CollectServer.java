package org.itinera.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.TextEnricher;
import org.itinera.server.ItineraServer;
import org.itinera.source.Sources;
import org.itinera.store.Store;

/**
 * The real server over a real DuckDB file in a temp directory, with one source ("web", channel
 * web) and helpers to talk HTTP to it and read what was stored.
 */
final class CollectServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  final Store store;
  final Ingestor ingestor;
  final ItineraServer server;
  final String writeKey;
  final String sourceId;

  /** A reply: status, headers and the body parsed as JSON. */
  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  CollectServer(Path dir) {
    this(dir, 200_000);
  }

  CollectServer(Path dir, int maxPendingEvents, ItineraServer.Routes... more) {
    store = Store.open(dir);
    ingestor = Ingestor.open(store, TextEnricher.NONE, List.of("email", "phone"),
        maxPendingEvents);
    Sources.Created created = new Sources(store).create("web", "web");
    writeKey = created.writeKey();
    sourceId = created.source().sourceId();
    server = ItineraServer.start(store, ingestor, "127.0.0.1", 0, more);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  Reply post(String path, String body) {
    return send(request(path).header("Authorization", basic(writeKey))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply postWithoutKey(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply postWithKey(String path, String key, String body) {
    return send(request(path).header("Authorization", basic(key))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply postBytes(String path, byte[] body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = basic(writeKey);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return postRaw(path, body, all);
  }

  /** Posts with exactly the given extra headers (name, value, ...), no write key of its own. */
  Reply postRaw(String path, byte[] body, String... headers) {
    HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(
        StandardCharsets.UTF_8));
  }

  static byte[] gzip(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
  }

  private static Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
      return new Reply(r.statusCode(), r, json);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  long count() {
    return (Long) rows("SELECT count(*) AS n FROM events").get(0).get("n");
  }

  /** One stored event by id, as column name to value (JSON columns as parsed JSON). */
  Map<String, Object> event(String eventId) {
    List<Map<String, Object>> rows = rows("SELECT event_id, customer_id, anonymous_id, user_id,"
        + " epoch_ms(ts) AS ts, epoch_ms(received_at) AS received_at, type, name, channel,"
        + " source_id, CAST(properties AS VARCHAR) AS properties,"
        + " CAST(context AS VARCHAR) AS context, CAST(traits AS VARCHAR) AS traits, text,"
        + " rating, revenue, currency FROM events WHERE event_id = ?", eventId);
    if (rows.size() != 1) {
      throw new AssertionError("expected one event " + eventId + ", found " + rows.size());
    }
    return rows.get(0);
  }

  JsonNode jsonColumn(String eventId, String column) {
    Object v = event(eventId).get(column);
    try {
      return v == null ? null : JSON.readTree((String) v);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection c = store.newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= n; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
    ingestor.close();
    store.close();
  }
}
