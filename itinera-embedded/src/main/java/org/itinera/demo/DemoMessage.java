package org.itinera.demo;

import java.util.Objects;

/**
 * One behavioural event as a Segment-style message (Tracking API spec), the shape the collection
 * API receives. {@code properties}, {@code context} and {@code traits} are JSON object text;
 * {@code properties.channel} always names the touchpoint's channel, and customer text, ratings
 * and money travel as {@code properties.text}, {@code properties.rating},
 * {@code properties.revenue} and {@code properties.currency}.
 *
 * @param type track, page, screen or identify
 * @param messageId unique, deterministic; re-sending the data set is a no-op
 * @param anonymousId browser or device id; null for server-side events
 * @param userId customer id once known on this device; null before sign-up or login
 * @param timestamp event time, UTC epoch milliseconds
 * @param event the event name of a track message, else null
 * @param name the page or screen name of a page or screen message, else null
 * @param channel the same value as {@code properties.channel}, for routing without parsing; for
 *     identify messages (which have no properties) the channel of the device: web, app or store
 * @param traitsJson identify traits, else null
 */
public record DemoMessage(
    String type,
    String messageId,
    String anonymousId,
    String userId,
    long timestamp,
    String event,
    String name,
    String channel,
    String propertiesJson,
    String contextJson,
    String traitsJson) {

  public DemoMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(messageId, "messageId");
    if (anonymousId == null && userId == null) {
      throw new IllegalArgumentException("message " + messageId + " has neither anonymousId nor userId");
    }
  }

  /** The message as one JSON object, as a Segment library would send it. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(128 + lengthOf(propertiesJson) + lengthOf(contextJson)
        + lengthOf(traitsJson));
    sb.append("{\"type\":");
    JsonOut.quote(sb, type);
    sb.append(",\"messageId\":");
    JsonOut.quote(sb, messageId);
    if (anonymousId != null) {
      sb.append(",\"anonymousId\":");
      JsonOut.quote(sb, anonymousId);
    }
    if (userId != null) {
      sb.append(",\"userId\":");
      JsonOut.quote(sb, userId);
    }
    sb.append(",\"timestamp\":\"").append(Clock.iso(timestamp)).append('"');
    if (event != null) {
      sb.append(",\"event\":");
      JsonOut.quote(sb, event);
    }
    if (name != null) {
      sb.append(",\"name\":");
      JsonOut.quote(sb, name);
    }
    if (propertiesJson != null) {
      sb.append(",\"properties\":").append(propertiesJson);
    }
    if (traitsJson != null) {
      sb.append(",\"traits\":").append(traitsJson);
    }
    if (contextJson != null) {
      sb.append(",\"context\":").append(contextJson);
    }
    return sb.append('}').toString();
  }

  private static int lengthOf(String s) {
    return s == null ? 0 : s.length();
  }
}
