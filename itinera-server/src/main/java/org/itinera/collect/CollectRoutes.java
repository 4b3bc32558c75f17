package org.itinera.collect;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.ingest.IngestResult;
import org.itinera.ingest.Ingestor;
import org.itinera.ingest.SegmentMessages;
import org.itinera.source.Source;
import org.itinera.source.Sources;

/**
 * The Segment-compatible collection API: {@code POST /v1/{track,identify,page,screen,group,
 * alias,batch,import}}, authenticated by a source's write key as the HTTP Basic user name (or
 * {@code writeKey} in the body).
 *
 * <p>A 200 is sent only after the events are committed to disk. In a batch, valid messages are
 * stored and invalid ones are refused one by one: when any were refused the answer is 400 and says
 * how many were stored and why each refused message was refused; re-sending the whole batch is
 * safe because stored messages are deduplicated by {@code messageId}.
 */
public final class CollectRoutes {
  private static final List<String> ENDPOINTS =
      List.of("track", "identify", "page", "screen", "group", "alias", "batch", "import");
  /** Bodies are read up to this size so that an oversize batch gets a precise error. */
  private static final int READ_LIMIT = SegmentMessages.MAX_BATCH_BYTES + 1;

  private final Sources sources;
  private final Ingestor ingestor;

  public CollectRoutes(Sources sources, Ingestor ingestor) {
    this.sources = sources;
    this.ingestor = ingestor;
  }

  public void register(Javalin app) {
    for (String endpoint : ENDPOINTS) {
      app.post("/v1/" + endpoint, ctx -> handle(ctx, endpoint));
    }
  }

  private void handle(Context ctx, String endpoint) {
    long receivedAt = System.currentTimeMillis();
    byte[] body = readBody(ctx);
    // A key in the Authorization header is checked before the body is parsed; a key in the body
    // can only be found by parsing it, which is done once and reused for the messages.
    String headerKey = basicUser(ctx.header("Authorization"));
    Source source = headerKey == null ? null : authenticate(headerKey);
    SegmentMessages.Body read = SegmentMessages.read(endpoint, body);
    if (source == null) {
      source = authenticate(read.writeKey());
    }
    SegmentMessages.Parsed parsed = read.toEvents(source, receivedAt);
    IngestResult result = ingestor.ingest(parsed.events());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", parsed.problems().isEmpty());
    answer.put("accepted", result.accepted());
    answer.put("duplicates", result.duplicates());
    if (!parsed.problems().isEmpty()) {
      List<Map<String, Object>> errors = new ArrayList<>();
      for (SegmentMessages.Problem p : parsed.problems()) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (p.index() >= 0) {
          e.put("index", p.index());
        }
        e.put("field", p.field());
        e.put("message", p.message());
        errors.add(e);
      }
      answer.put("rejected", errors.size());
      answer.put("errors", errors);
      answer.put("error", Map.of("code", ErrorCode.INVALID_INPUT.name(),
          "field", parsed.problems().get(0).field(),
          "message", parsed.problems().get(0).message()));
      ctx.status(400);
    }
    ctx.json(answer);
  }

  private Source authenticate(String key) {
    if (key == null) {
      throw new ItineraException(ErrorCode.UNAUTHORIZED, "writeKey",
          "no write key: send it as the HTTP Basic user name (or as writeKey in the body)");
    }
    Optional<Source> source = sources.authenticate(key);
    return source.orElseThrow(() -> new ItineraException(ErrorCode.UNAUTHORIZED, "writeKey",
        "unknown write key; create a source with `itinera sources create NAME --channel C`"));
  }

  static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      return user.isEmpty() ? null : user;
    } catch (IllegalArgumentException e) {
      throw new ItineraException(ErrorCode.UNAUTHORIZED, "Authorization",
          "the Basic credentials are not valid base64");
    }
  }

  private static byte[] readBody(Context ctx) {
    try {
      InputStream in = ctx.req().getInputStream();
      String encoding = ctx.header("Content-Encoding");
      if (encoding != null && encoding.toLowerCase().contains("gzip")) {
        in = new GZIPInputStream(in);
      }
      byte[] body = in.readNBytes(READ_LIMIT);
      if (body.length >= READ_LIMIT) {
        throw new ItineraException(ErrorCode.PAYLOAD_TOO_LARGE, "body",
            "the body is over " + SegmentMessages.MAX_BATCH_BYTES
                + " bytes (500 KB), Segment's batch limit; send smaller batches");
      }
      return body;
    } catch (IOException e) {
      throw ItineraException.invalid("body", "cannot read the request body: " + e.getMessage());
    }
  }
}
