package org.itinera.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import org.itinera.event.Event;

/**
 * What kind of touchpoint an event is, read from its type, name, channel and properties. Rules
 * follow the Segment e-commerce spec names (Order Completed, Checkout Started, ...) and
 * Itinera's customer-experience types (ticket, review, survey_response, purchase), so they hold
 * for any source that follows either.
 */
final class Touch {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final double NEGATIVE = -0.25;
  static final double POSITIVE = 0.25;

  final Event event;
  final String lowerName;
  final JsonNode props;

  Touch(Event event) {
    this.event = event;
    this.lowerName = event.name() == null ? "" : event.name().toLowerCase(Locale.ROOT);
    this.props = parse(event.propertiesJson());
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  boolean purchase() {
    return "purchase".equals(event.type()) || lowerName.equals("order completed")
        || (event.revenue() != null && event.revenue() > 0 && !lowerName.contains("refund"));
  }

  boolean checkoutStarted() {
    return !purchase() && lowerName.contains("checkout");
  }

  boolean cartAbandoned() {
    return lowerName.contains("abandon");
  }

  String ticketId() {
    for (String key : new String[] {"ticket_id", "ticketId", "ticket"}) {
      JsonNode v = props.get(key);
      if (v != null && (v.isTextual() || v.isNumber())) {
        return v.asText();
      }
    }
    return null;
  }

  boolean ticket() {
    return "ticket".equals(event.type()) || lowerName.contains("ticket") || ticketId() != null;
  }

  boolean ticketResolved() {
    String status = props.path("status").asText("").toLowerCase(Locale.ROOT);
    return ticket() && (lowerName.contains("resolved") || lowerName.contains("closed")
        || status.equals("resolved") || status.equals("closed"));
  }

  boolean nps() {
    String survey = props.path("survey").asText(props.path("kind").asText(""));
    return event.rating() != null
        && (lowerName.contains("nps") || survey.equalsIgnoreCase("nps"));
  }

  boolean review() {
    return "review".equals(event.type()) || "review".equals(event.channel())
        || lowerName.contains("review");
  }

  boolean uninstall() {
    return lowerName.contains("uninstall");
  }

  boolean referral() {
    return lowerName.contains("referr") || lowerName.contains("invite");
  }

  boolean negativeText() {
    return event.text() != null && event.sentiment() != null && event.sentiment() <= NEGATIVE;
  }

  boolean positiveText() {
    return event.text() != null && event.sentiment() != null && event.sentiment() >= POSITIVE;
  }
}
