package org.itinera.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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

  // Duplicate keys are caught while building the tree (the map insert reports them for free),
  // not by the parser's STRICT_DUPLICATE_DETECTION, which hashes every key a second time.
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /** For callers that only peek at a body (e.g. for its writeKey) before the real parse. */
  public static final ObjectReader JSON_READER = JSON.reader();
  /** Reads one value from a parser that goes on after it (batch items, root fields). */
  private static final ObjectReader TREE =
      JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    return read(endpoint, body).toEvents(source, receivedAtMs);
  }

  /**
   * Reads a body's JSON once, before its source is known: the HTTP API needs the {@code
   * writeKey} inside it to authenticate. Throws when the body is empty or not a JSON object, or
   * when the endpoint is unknown.
   */
  public static Body read(String endpoint, byte[] body) {
    boolean batch = endpoint.equals("batch") || endpoint.equals("import");
    if (!batch && !SINGLE_TYPES.contains(endpoint)) {
      throw ItineraException.invalid("path", "unknown endpoint /v1/" + endpoint);
    }
    if (body.length == 0) {
      throw ItineraException.invalid("body", "the request body is empty; expected a JSON object");
    }
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        JsonNode value = first == null ? null : (JsonNode) TREE.readTree(p);
        throw ItineraException.invalid("body", "expected a JSON object, got "
            + (value == null ? "nothing" : value.getNodeType().toString().toLowerCase()));
      }
      ObjectNode root = JSON.createObjectNode();
      int[] itemBytes = new int[0];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (root.has(name)) {
          throw ItineraException.invalid("body", "malformed JSON at line "
              + p.currentTokenLocation().getLineNr() + ", column "
              + p.currentTokenLocation().getColumnNr() + ": duplicate field '" + name + "'");
        }
        if (p.nextToken() == JsonToken.START_ARRAY && batch && name.equals("batch")) {
          // Items are read one by one so each one's size is its bytes as sent, with no
          // re-encoding just to measure it.
          ArrayNode items = root.putArray(name);
          itemBytes = new int[16];
          while (p.nextToken() != JsonToken.END_ARRAY) {
            long start = p.currentTokenLocation().getByteOffset();
            items.add((JsonNode) TREE.readTree(p));
            if (items.size() > itemBytes.length) {
              itemBytes = Arrays.copyOf(itemBytes, itemBytes.length * 2);
            }
            itemBytes[items.size() - 1] = (int) (p.currentLocation().getByteOffset() - start);
          }
        } else {
          root.set(name, (JsonNode) TREE.readTree(p));
        }
      }
      if (p.nextToken() != null) {
        throw ItineraException.invalid("body", "malformed JSON at line "
            + p.currentTokenLocation().getLineNr() + ", column "
            + p.currentTokenLocation().getColumnNr() + ": trailing content after the object");
      }
      return new Body(endpoint, body.length, root, itemBytes);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage();
      if (why.startsWith("Duplicate field")) {
        int cut = why.indexOf(" for `");
        why = "duplicate field" + why.substring(15, cut < 0 ? why.length() : cut);
      }
      throw ItineraException.invalid("body", "malformed JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + why);
    } catch (IOException e) {
      throw ItineraException.invalid("body", "unreadable body: " + e.getMessage());
    }
  }

  /** A body read by {@link #read}: its JSON, not yet validated as messages. */
  public static final class Body {
    private final String endpoint;
    private final int bytes;
    private final ObjectNode root;
    private final int[] itemBytes;

    private Body(String endpoint, int bytes, ObjectNode root, int[] itemBytes) {
      this.endpoint = endpoint;
      this.bytes = bytes;
      this.root = root;
      this.itemBytes = itemBytes;
    }

    /** The {@code writeKey} the body carries, or null. */
    public String writeKey() {
      JsonNode key = root.get("writeKey");
      return key != null && key.isTextual() ? key.asText() : null;
    }

    /** The body's messages as events of {@code source}, and the messages refused with why. */
    public Parsed toEvents(Source source, long receivedAtMs) {
      if (endpoint.equals("batch") || endpoint.equals("import")) {
        return parseBatch(root, itemBytes, source, receivedAtMs);
      }
      if (bytes > MAX_MESSAGE_BYTES) {
        throw new ItineraException(org.itinera.ErrorCode.PAYLOAD_TOO_LARGE, "body",
            "the message is " + bytes + " bytes; at most " + MAX_MESSAGE_BYTES
                + " bytes (32 KB) per message");
      }
      root.put("type", endpoint);
      List<Event> events = new ArrayList<>(1);
      List<Problem> problems = new ArrayList<>(0);
      try {
        events.add(SegmentMessage.toEvent(root, "", source, receivedAtMs, null));
      } catch (ItineraException e) {
        problems.add(new Problem(-1, e.field(), e.getMessage()));
      }
      return new Parsed(events, problems);
    }
  }

  private static Parsed parseBatch(ObjectNode root, int[] itemBytes, Source source,
      long receivedAtMs) {
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
      JsonNode item = items.get(i);
      try {
        if (!item.isObject()) {
          throw ItineraException.invalid("batch[" + i + "]", "expected a message object");
        }
        if (itemBytes[i] > MAX_MESSAGE_BYTES) {
          throw ItineraException.invalid("batch[" + i + "]", "the message is " + itemBytes[i]
              + " bytes; at most " + MAX_MESSAGE_BYTES + " bytes (32 KB) per message");
        }
        ObjectNode msg = (ObjectNode) item;
        if (outerContext != null && outerContext.isObject()) {
          msg.set("context", mergeContext((ObjectNode) outerContext, msg.get("context")));
        }
        if (!msg.has("sentAt") && outerSentAt != null) {
          msg.set("sentAt", outerSentAt);
        }
        events.add(SegmentMessage.toEvent(msg, "batch[" + i + "].", source, receivedAtMs, null));
      } catch (ItineraException e) {
        problems.add(new Problem(i, e.field(), e.getMessage()));
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
