package org.itinera.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.event.Event;
import org.itinera.identity.IdentityGraph;

/**
 * Which identities one event links: its user and anonymous ids, an alias's previous id, and the
 * identity traits (e-mail, phone) of an identify call, normalised so that "Ann@X.com " and
 * "ann@x.com" are the same person.
 */
final class IdentityLinks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> identityTraits;

  IdentityLinks(List<String> identityTraits) {
    this.identityTraits = List.copyOf(identityTraits);
  }

  List<String> of(Event e, IdentityGraph graph) {
    List<String> ids = new ArrayList<>(4);
    if (e.userId() != null) {
      ids.add(IdentityGraph.user(e.userId()));
    }
    if (e.anonymousId() != null) {
      ids.add(IdentityGraph.anonymous(e.anonymousId()));
    }
    if ("alias".equals(e.type())) {
      String previous = field(e.propertiesJson(), "previousId");
      if (previous != null) {
        String asUser = IdentityGraph.user(previous);
        String asAnon = IdentityGraph.anonymous(previous);
        // Segment's alias usually joins an anonymous id to a user id; a known user id wins.
        ids.add(graph.customerOf(asUser) != null ? asUser : asAnon);
      }
    }
    if (e.traitsJson() != null && !identityTraits.isEmpty()) {
      try {
        JsonNode traits = JSON.readTree(e.traitsJson());
        for (String trait : identityTraits) {
          JsonNode v = traits.get(trait);
          if (v != null && v.isTextual() && !v.asText().isBlank()) {
            ids.add(trait + ":" + normalise(trait, v.asText()));
          }
        }
      } catch (IOException ignored) {
        // traits were validated as a JSON object on the way in; unreadable means none
      }
    }
    return ids;
  }

  /** The identity traits (e.g. email, phone) that link customers, in configured order. */
  List<String> traits() {
    return identityTraits;
  }

  /**
   * The identities of one row of a bulk load: its user id, anonymous id and the values of the
   * identity traits (same order as {@link #traits()}, null when absent), normalised exactly as for
   * API events so that both paths stitch the same people.
   */
  List<String> of(String userId, String anonymousId, List<String> traitValues) {
    List<String> ids = new ArrayList<>(2 + traitValues.size());
    if (userId != null) {
      ids.add(IdentityGraph.user(userId));
    }
    if (anonymousId != null) {
      ids.add(IdentityGraph.anonymous(anonymousId));
    }
    for (int i = 0; i < identityTraits.size(); i++) {
      String v = traitValues.get(i);
      if (v != null && !v.isBlank()) {
        String trait = identityTraits.get(i);
        ids.add(trait + ":" + normalise(trait, v));
      }
    }
    return ids;
  }

  static String normalise(String trait, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (trait.equals("phone")) {
      return v.replaceAll("[^0-9+]", "");
    }
    return v;
  }

  private static String field(String json, String name) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode v = JSON.readTree(json).get(name);
      return v != null && v.isTextual() ? v.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
