package org.itinera.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.source.Source;

/**
 * One Segment message to one canonical event, with every field checked. Errors name the field as
 * a path ({@code batch[3].properties.rating}) and say what was expected.
 *
 * <p>Time: with {@code sentAt}, {@code timestamp = receivedAt - (sentAt - originalTimestamp)}
 * (Segment's clock-skew correction; {@code originalTimestamp} falls back to {@code timestamp});
 * without it, {@code timestamp}, else {@code originalTimestamp}, else the arrival time. Event
 * times before 2000 or more than a day ahead of the server are refused as absurd.
 */
final class SegmentMessage {
  static final Set<String> TYPES = Set.of("track", "identify", "page", "screen", "group", "alias",
      "ticket", "review", "survey_response", "purchase");
  private static final long YEAR_2000_MS = 946_684_800_000L;
  private static final long ONE_DAY_MS = 86_400_000L;
  private static final int MAX_ID_LENGTH = 512;
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private SegmentMessage() {}

  static Event toEvent(ObjectNode msg, String at, Source source, long receivedAtMs,
      String defaultType) {
    String type = optionalText(msg, "type", at);
    if (type == null) {
      type = defaultType;
    }
    if (type == null) {
      throw ItineraException.invalid(at + "type", "missing; expected one of " + TYPES);
    }
    type = type.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw ItineraException.invalid(at + "type", "'" + type + "' is not one of " + TYPES);
    }
    String userId = id(msg, "userId", at);
    String anonymousId = id(msg, "anonymousId", at);
    if (userId == null && anonymousId == null) {
      throw ItineraException.invalid(at + "userId",
          "a message needs a userId or an anonymousId (non-empty strings)");
    }
    ObjectNode properties = object(msg, "properties", at);
    ObjectNode traits = object(msg, "traits", at);
    ObjectNode context = object(msg, "context", at);
    object(msg, "integrations", at);
    String name = switch (type) {
      case "track", "ticket", "review", "survey_response", "purchase" -> {
        String event = optionalText(msg, "event", at);
        if (event == null || event.isBlank()) {
          throw ItineraException.invalid(at + "event", "a " + type
              + " message needs the event name as a non-empty string");
        }
        yield event;
      }
      case "page" -> "Page Viewed";
      case "screen" -> "Screen Viewed";
      case "identify" -> "Identify";
      case "group" -> "Group";
      default -> "Alias";
    };
    if (type.equals("page") || type.equals("screen")) {
      String pageName = optionalText(msg, "name", at);
      if (pageName != null) {
        properties = properties == null ? SegmentMessages.JSON.createObjectNode() : properties;
        properties.put("name", pageName);
      }
    }
    if (type.equals("group")) {
      String groupId = id(msg, "groupId", at);
      if (groupId == null) {
        throw ItineraException.invalid(at + "groupId", "a group message needs a groupId");
      }
      properties = properties == null ? SegmentMessages.JSON.createObjectNode() : properties;
      properties.put("groupId", groupId);
    }
    if (type.equals("alias")) {
      String previousId = id(msg, "previousId", at);
      if (previousId == null || userId == null) {
        throw ItineraException.invalid(at + (previousId == null ? "previousId" : "userId"),
            "an alias message needs both previousId and userId");
      }
      properties = properties == null ? SegmentMessages.JSON.createObjectNode() : properties;
      properties.put("previousId", previousId);
    }
    long ts = eventTime(msg, at, receivedAtMs);

    String channel = source.channel();
    String text = null;
    Double rating = null;
    Double revenue = null;
    String currency = null;
    if (properties != null) {
      String p = at + "properties.";
      String ch = optionalText(properties, "channel", p);
      if (ch != null) {
        if (!CHANNEL.matcher(ch).matches()) {
          throw ItineraException.invalid(p + "channel", "'" + ch
              + "' is not a channel name (lower-case letters, digits, '_'; e.g. web, call_center)");
        }
        channel = ch;
      }
      text = optionalText(properties, "text", p);
      rating = number(properties, "rating", p);
      revenue = number(properties, "revenue", p);
      currency = optionalText(properties, "currency", p);
      if (currency != null) {
        currency = currency.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
          throw ItineraException.invalid(p + "currency",
              "'" + currency + "' is not an ISO 4217 code such as KRW or USD");
        }
      }
      if (rating != null && (rating < -10 || rating > 100)) {
        throw ItineraException.invalid(p + "rating", rating + " is out of range; expected an NPS"
            + " (0-10), CSAT/CES (1-7) or star (1-5) score");
      }
    }
    String messageId = id(msg, "messageId", at);
    if (messageId == null) {
      messageId = "h:" + contentHash(msg, source);
    }
    return new Event(messageId, null, anonymousId, userId, ts, receivedAtMs, type, name, channel,
        source.sourceId(), json(properties), json(context), json(traits),
        text == null || text.isBlank() ? null : text, null, null, null, null, rating, revenue,
        currency);
  }

  private static long eventTime(ObjectNode msg, String at, long receivedAtMs) {
    Long timestamp = time(msg, "timestamp", at);
    Long original = time(msg, "originalTimestamp", at);
    Long sentAt = time(msg, "sentAt", at);
    String field;
    long ts;
    Long clientTime = original != null ? original : timestamp;
    if (sentAt != null && clientTime != null) {
      ts = receivedAtMs - (sentAt - clientTime);
      field = original != null ? "originalTimestamp" : "timestamp";
    } else if (timestamp != null) {
      ts = timestamp;
      field = "timestamp";
    } else if (original != null) {
      ts = original;
      field = "originalTimestamp";
    } else {
      return receivedAtMs;
    }
    if (ts < YEAR_2000_MS || ts > receivedAtMs + ONE_DAY_MS) {
      throw ItineraException.invalid(at + field, "the event time " + Instant.ofEpochMilli(ts)
          + " is absurd: expected between 2000-01-01 and a day after the server's clock ("
          + Instant.ofEpochMilli(receivedAtMs) + ")");
    }
    return ts;
  }

  private static Long time(ObjectNode msg, String field, String at) {
    JsonNode v = msg.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ItineraException.invalid(at + field,
          "expected an ISO-8601 date-time string such as 2026-05-01T12:30:00.000Z, got "
              + v.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    String s = v.asText();
    long fast = IsoTime.parse(s);
    if (fast != IsoTime.NOT_FAST) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw ItineraException.invalid(at + field, "'" + truncate(s)
            + "' is not an ISO-8601 date-time with offset (e.g. 2026-05-01T12:30:00.000Z)");
      }
    }
  }

  private static String id(ObjectNode msg, String field, String at) {
    JsonNode v = msg.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s;
    if (v.isTextual()) {
      s = v.asText();
    } else if (v.isIntegralNumber()) {
      s = v.asText();
    } else {
      throw ItineraException.invalid(at + field, "expected a string (or integer) id, got "
          + v.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    if (s.isBlank()) {
      throw ItineraException.invalid(at + field, "must not be empty");
    }
    if (s.length() > MAX_ID_LENGTH) {
      throw ItineraException.invalid(at + field, "is " + s.length()
          + " characters; at most " + MAX_ID_LENGTH);
    }
    return s;
  }

  private static String optionalText(ObjectNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ItineraException.invalid(at + field, "expected a string, got "
          + v.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return v.asText();
  }

  private static Double number(ObjectNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      double d = v.asDouble();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw ItineraException.invalid(at + field, "must be a finite number");
      }
      return d;
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        throw ItineraException.invalid(at + field, "'" + truncate(v.asText())
            + "' is not a number");
      }
    }
    throw ItineraException.invalid(at + field, "expected a number, got "
        + v.getNodeType().toString().toLowerCase(Locale.ROOT));
  }

  private static ObjectNode object(ObjectNode msg, String field, String at) {
    JsonNode v = msg.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw ItineraException.invalid(at + field, "expected a JSON object, got "
          + v.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return (ObjectNode) v;
  }

  private static String json(ObjectNode node) {
    return node == null ? null : node.toString();
  }

  /** A stable id for a message sent without messageId, so re-sending it is still a no-op. */
  private static String contentHash(ObjectNode msg, Source source) {
    ObjectNode copy = msg.deepCopy();
    copy.remove("sentAt");
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(source.sourceId().getBytes(StandardCharsets.UTF_8));
      md.update(SegmentMessages.JSON.writeValueAsBytes(copy));
      return HexFormat.of().formatHex(md.digest(), 0, 20);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
