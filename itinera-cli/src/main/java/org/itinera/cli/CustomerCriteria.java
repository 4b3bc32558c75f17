package org.itinera.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.customer.CustomerFinder;
import org.itinera.customer.CustomerPage;
import org.itinera.customer.CustomerQuery;
import org.itinera.customer.DropOff;
import org.itinera.index.SequenceIndex;
import org.itinera.store.Store;
import picocli.CommandLine.Option;

/**
 * Which customers a command is about, shared by {@code customers find} and {@code casestudy}:
 * every option given must hold. Runs against the data directory or, with {@code --server}, as
 * {@code GET /api/customers} on a running server, with the same answer.
 */
final class CustomerCriteria {
  @Option(names = "--query", paramLabel = "TEXT", description = "Part of any id, e-mail, phone"
      + " or trait value (as the dashboard's search box); KEY:VALUE matches a trait exactly.")
  String query;

  @Option(names = "--trait", paramLabel = "NAME=VALUE",
      description = "A trait value, e.g. region=Seoul (repeatable).")
  Map<String, String> traits = new LinkedHashMap<>();

  @Option(names = "--topic", description = "Mentioned this topic in their own words.")
  String topic;

  @Option(names = "--text", description = "Wrote this phrase (case-insensitive).")
  String text;

  @Option(names = "--channel", description = "Used this channel.")
  String channel;

  @Option(names = "--stage", description = "Their current journey stage (the stage of their"
      + " last event the journey model maps to one), e.g. purchase.")
  String stage;

  @Option(names = "--dropped-at", paramLabel = "A,B,C:K", description = "Dropped at step K of"
      + " the funnel A,B,C: did steps 1..K-1 in order but never step K (K from 2; default the"
      + " last step).")
  String droppedAt;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "With --dropped-at: every step within this long of step 1 (30m, 12h, 7d).")
  String window;

  CustomerQuery toQuery(List<String> ids, int limit, int offset) {
    if (window != null && droppedAt == null) {
      throw ItineraException.invalid("window", "--window applies to a funnel: give --dropped-at"
          + " too");
    }
    DropOff drop = droppedAt == null ? null
        : DropOff.parse(droppedAt, window == null ? null : Windows.parse("window", window));
    return new CustomerQuery(traits, topic, text, channel, ids, stage, drop, limit, offset);
  }

  /** One page of matching customers, from the data directory or the server. */
  CustomerPage find(DataDirOption dataDir, ServerOption server, int limit, int offset) {
    CustomerQuery q = toQuery(null, limit, offset);
    if (server.url != null) {
      return RemoteServer.of(server, dataDir).get("/api/customers?" + queryString(limit, offset),
          CustomerPage.class);
    }
    try (Store store = Store.openReadOnly(dataDir.data)) {
      if (!q.needsSequences()) {
        return new CustomerFinder(store.connection()).search(query, q);
      }
      try (SequenceIndex index = SequenceIndex.build(store.newConnection())) {
        return new CustomerFinder(store.connection(), index, Wiring.journeyModel())
            .search(query, q);
      }
    }
  }

  private String queryString(int limit, int offset) {
    List<String> params = new ArrayList<>();
    add(params, "q", query);
    traits.forEach((k, v) -> add(params, "trait", k + "=" + v));
    add(params, "topic", topic);
    add(params, "text", text);
    add(params, "channel", channel);
    add(params, "stage", stage);
    add(params, "droppedAt", droppedAt);
    add(params, "window", window);
    add(params, "limit", Integer.toString(limit));
    add(params, "offset", Integer.toString(offset));
    return String.join("&", params);
  }

  private static void add(List<String> params, String name, String value) {
    if (value != null) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
  }

  /** The selection in words, for titles. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (query != null) {
      parts.add("\"" + query + "\"");
    }
    traits.forEach((k, v) -> parts.add(k + " = " + v));
    if (topic != null) {
      parts.add("topic = " + topic);
    }
    if (text != null) {
      parts.add("wrote \"" + text + "\"");
    }
    if (channel != null) {
      parts.add("channel = " + channel);
    }
    if (stage != null) {
      parts.add("stage = " + stage);
    }
    if (droppedAt != null) {
      parts.add("dropped at " + droppedAt + (window == null ? "" : " within " + window));
    }
    return parts.isEmpty() ? "all customers" : String.join(", ", parts);
  }
}
