package org.itinera.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.source.Source;

/**
 * Reads bodies of the Segment HTTP Tracking API into canonical events.
 *
 * <p>Design notes. Each message is validated on its own ({@link SegmentMessage}); a batch is a
 * list of independent messages, so one bad message does not make the good ones invalid. The
 * result therefore carries both the events and the per-message errors, and the caller decides
 * (the HTTP API stores the valid ones and reports the rest; see docs/COLLECTION_API.md). Limits
 * are Segment's: 32 KB per message, 500 KB and 2,500 messages per batch.
 */
public final class SegmentMessages {
  public static final int MAX_MESSAGE_BYTES = 32 * 1024;
  public static final int MAX_BATCH_BYTES = 500 * 1024;
  public static final int MAX_BATCH_MESSAGES = 2_500;
  static final Set<String> SINGLE_TYPES =
      Set.of("track", "identify", "page", "screen", "group", "alias");

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** For callers that only peek at a body (e.g. for its writeKey) before the real parse. */
  public static final com.fasterxml.jackson.databind.ObjectReader JSON_READER = JSON.reader();

  static {
    JSON.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private SegmentMessages() {}

  /** One message's problem: its index in the batch (or -1), the field path and the reason. */
  public record Problem(int index, String field, String message) {}

  /** Valid events in arrival order, and the messages that were refused with why. */
  public record Parsed(List<Event> events, List<Problem> problems) {
    public Parsed {
      events = List.copyOf(events);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Parses a request body sent to {@code /v1/<endpoint>}. A body that is not JSON, is the wrong
   * shape, or is over a batch limit throws (nothing of it can be trusted); problems with
   * individual messages are returned in {@link Parsed#problems()}.
   *
   * @param endpoint track, identify, page, screen, group, alias, batch or import
   */
  public static Parsed parse(String endpoint, byte[] body, Source source, long receivedAtMs) {
    if (body.length == 0) {
      throw ItineraException.invalid("body", "the request body is empty; expected a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ItineraException.invalid("body", "malformed JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw ItineraException.invalid("body", "unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ItineraException.invalid("body", "expected a JSON object, got "
          + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
    }
    if (endpoint.equals("batch") || endpoint.equals("import")) {
      return parseBatch((ObjectNode) root, source, receivedAtMs);
    }
    if (!SINGLE_TYPES.contains(endpoint)) {
      throw ItineraException.invalid("path", "unknown endpoint /v1/" + endpoint);
    }
    if (body.length > MAX_MESSAGE_BYTES) {
      throw new ItineraException(org.itinera.ErrorCode.PAYLOAD_TOO_LARGE, "body",
          "the message is " + body.length + " bytes; at most " + MAX_MESSAGE_BYTES
              + " bytes (32 KB) per message");
    }
    ObjectNode msg = (ObjectNode) root;
    msg.put("type", endpoint);
    List<Event> events = new ArrayList<>(1);
    List<Problem> problems = new ArrayList<>(0);
    try {
      events.add(SegmentMessage.toEvent(msg, "", source, receivedAtMs, null));
    } catch (ItineraException e) {
      problems.add(new Problem(-1, e.field(), e.getMessage()));
    }
    return new Parsed(events, problems);
  }

  private static Parsed parseBatch(ObjectNode root, Source source, long receivedAtMs) {
    JsonNode batch = root.get("batch");
    if (batch == null) {
      throw ItineraException.invalid("batch", "missing; expected an array of messages");
    }
    if (!batch.isArray()) {
      throw ItineraException.invalid("batch", "expected an array of messages, got "
          + batch.getNodeType().toString().toLowerCase());
    }
    if (batch.size() > MAX_BATCH_MESSAGES) {
      throw new ItineraException(org.itinera.ErrorCode.PAYLOAD_TOO_LARGE, "batch",
          "the batch has " + batch.size() + " messages; at most " + MAX_BATCH_MESSAGES);
    }
    JsonNode outerContext = root.get("context");
    if (outerContext != null && !outerContext.isNull() && !outerContext.isObject()) {
      throw ItineraException.invalid("context", "expected an object");
    }
    JsonNode outerSentAt = root.get("sentAt");
    List<Event> events = new ArrayList<>(batch.size());
    List<Problem> problems = new ArrayList<>();
    ArrayNode items = (ArrayNode) batch;
    for (int i = 0; i < items.size(); i++) {
      String prefix = "batch[" + i + "].";
      JsonNode item = items.get(i);
      try {
        if (!item.isObject()) {
          throw ItineraException.invalid("batch[" + i + "]", "expected a message object");
        }
        ObjectNode msg = (ObjectNode) item;
        int size = JSON.writeValueAsBytes(msg).length;
        if (size > MAX_MESSAGE_BYTES) {
          throw ItineraException.invalid("batch[" + i + "]", "the message is " + size
              + " bytes; at most " + MAX_MESSAGE_BYTES + " bytes (32 KB) per message");
        }
        if (outerContext != null && outerContext.isObject()) {
          msg.set("context", mergeContext((ObjectNode) outerContext, msg.get("context")));
        }
        if (!msg.has("sentAt") && outerSentAt != null) {
          msg.set("sentAt", outerSentAt);
        }
        events.add(SegmentMessage.toEvent(msg, prefix, source, receivedAtMs, null));
      } catch (ItineraException e) {
        problems.add(new Problem(i, e.field(), e.getMessage()));
      } catch (JsonProcessingException e) {
        problems.add(new Problem(i, "batch[" + i + "]", "cannot re-encode: " + e.getMessage()));
      }
    }
    return new Parsed(events, problems);
  }

  /** The batch's context under the message's own: the message wins key by key, deeply. */
  private static JsonNode mergeContext(ObjectNode outer, JsonNode own) {
    ObjectNode merged = outer.deepCopy();
    if (own != null && own.isObject()) {
      deepMerge(merged, (ObjectNode) own);
      return merged;
    }
    return own == null || own.isNull() ? merged : own;
  }

  private static void deepMerge(ObjectNode into, ObjectNode from) {
    from.fields().forEachRemaining(f -> {
      JsonNode existing = into.get(f.getKey());
      if (existing != null && existing.isObject() && f.getValue().isObject()) {
        deepMerge((ObjectNode) existing, (ObjectNode) f.getValue());
      } else {
        into.set(f.getKey(), f.getValue());
      }
    });
  }
}
