package org.itinera.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;

/**
 * Turns a located YAML tree into a {@link JourneyModel}, checking everything a user can get wrong
 * and naming the line and the field (as a path such as {@code rules[2].when.channel}) when
 * refusing.
 */
final class ModelReader {
  private final String source;

  ModelReader(String source) {
    this.source = source;
  }

  JourneyModel read(YamlTree.Node root) {
    if (!root.isMap()) {
      throw fail(root, "", "expected a map with 'stages', 'rules' and 'goals', got " + root.kind());
    }
    Map<String, YamlTree.Node> top = root.map();
    allowKeys(root, "", Set.of("version", "stages", "rules", "goals"));
    YamlTree.Node version = top.get("version");
    if (version != null && !"1".equals(version.value())) {
      throw fail(version, "version", "only version 1 is known, got " + version.kind());
    }
    List<Stage> stages = stages(required(root, top, "stages", ""));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < stages.size(); i++) {
      if (!ids.add(stages.get(i).id())) {
        throw fail(top.get("stages").list().get(i), "stages[" + i + "]",
            "stage '" + stages.get(i).id() + "' is declared twice");
      }
    }
    List<StageRule> rules = new ArrayList<>();
    YamlTree.Node rulesNode = top.get("rules");
    for (int i = 0; rulesNode != null && i < list(rulesNode, "rules").size(); i++) {
      rules.add(rule(rulesNode.list().get(i), "rules[" + i + "]", ids, stages));
    }
    List<Goal> goals = new ArrayList<>();
    Set<String> goalNames = new HashSet<>();
    YamlTree.Node goalsNode = top.get("goals");
    for (int i = 0; goalsNode != null && i < list(goalsNode, "goals").size(); i++) {
      String field = "goals[" + i + "]";
      YamlTree.Node g = goalsNode.list().get(i);
      map(g, field);
      allowKeys(g, field, Set.of("name", "when"));
      String name = scalar(required(g, g.map(), "name", field), field + ".name");
      if (!goalNames.add(name)) {
        throw fail(g, field + ".name", "goal '" + name + "' is declared twice");
      }
      goals.add(new Goal(name, when(required(g, g.map(), "when", field), field + ".when")));
    }
    return new JourneyModel(stages, rules, goals);
  }

  private List<Stage> stages(YamlTree.Node node) {
    List<Stage> stages = new ArrayList<>();
    List<YamlTree.Node> items = list(node, "stages");
    if (items.isEmpty()) {
      throw fail(node, "stages", "at least one stage is needed");
    }
    for (int i = 0; i < items.size(); i++) {
      YamlTree.Node item = items.get(i);
      String field = "stages[" + i + "]";
      if (item.isScalar()) {
        stages.add(new Stage(scalar(item, field), null));
      } else {
        map(item, field);
        allowKeys(item, field, Set.of("id", "name", "description"));
        String id = scalar(required(item, item.map(), "id", field), field + ".id");
        YamlTree.Node name = item.map().get("name");
        stages.add(new Stage(id, name == null ? null : scalar(name, field + ".name")));
      }
    }
    return stages;
  }

  private StageRule rule(YamlTree.Node node, String field, Set<String> ids, List<Stage> stages) {
    map(node, field);
    allowKeys(node, field, Set.of("stage", "touchpoint", "when"));
    YamlTree.Node stageNode = required(node, node.map(), "stage", field);
    String stage = scalar(stageNode, field + ".stage");
    if (!ids.contains(stage)) {
      throw fail(stageNode, field + ".stage", "'" + stage + "' is not a declared stage; declared: "
          + String.join(", ", stages.stream().map(Stage::id).toList()));
    }
    YamlTree.Node tp = node.map().get("touchpoint");
    return new StageRule(stage, tp == null ? null : scalar(tp, field + ".touchpoint"),
        when(required(node, node.map(), "when", field), field + ".when"));
  }

  private EventPredicate when(YamlTree.Node node, String field) {
    map(node, field);
    allowKeys(node, field, Set.of("name", "type", "channel", "properties"));
    Map<String, YamlTree.Node> m = node.map();
    List<PropertyPredicate> properties = new ArrayList<>();
    YamlTree.Node props = m.get("properties");
    if (props != null) {
      map(props, field + ".properties");
      for (Map.Entry<String, YamlTree.Node> e : props.map().entrySet()) {
        properties.add(property(e.getKey(), e.getValue(), field + ".properties." + e.getKey()));
      }
    }
    return new EventPredicate(strings(m.get("name"), field + ".name"),
        strings(m.get("type"), field + ".type"), strings(m.get("channel"), field + ".channel"),
        properties);
  }

  private PropertyPredicate property(String path, YamlTree.Node node, String field) {
    try {
      if (node.isScalar()) {
        return PropertyPredicate.eq(path, (String) node.value());
      }
      if (!node.isMap() || node.map().size() != 1) {
        throw fail(node, field, "expected a value (equality) or one comparison such as "
            + "{gte: 100}, {in: [a, b]} or {exists: true}; got " + node.kind());
      }
      Map.Entry<String, YamlTree.Node> e = node.map().entrySet().iterator().next();
      PropertyPredicate.Op op = PropertyPredicate.Op.ofToken(e.getKey());
      if (op == null) {
        throw fail(node, field, "unknown comparison '" + e.getKey()
            + "'; expected one of eq, ne, in, gt, gte, lt, lte, exists");
      }
      if (op == PropertyPredicate.Op.EXISTS) {
        if (!"true".equals(e.getValue().value())) {
          throw fail(e.getValue(), field + ".exists", "only 'exists: true' is supported, got "
              + e.getValue().kind());
        }
        return new PropertyPredicate(path, op, List.of());
      }
      List<String> values = op == PropertyPredicate.Op.IN
          ? strings(e.getValue(), field + ".in")
          : List.of(scalar(e.getValue(), field + "." + e.getKey()));
      return new PropertyPredicate(path, op, values);
    } catch (ItineraException e) {
      if (e.code() == ErrorCode.CONFIG_INVALID) {
        throw e;
      }
      throw fail(node, field, e.getMessage());
    }
  }

  private List<String> strings(YamlTree.Node node, String field) {
    if (node == null) {
      return List.of();
    }
    if (node.isScalar()) {
      return List.of((String) node.value());
    }
    if (!node.isList()) {
      throw fail(node, field, "expected a string or a list of strings, got " + node.kind());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.list().size(); i++) {
      out.add(scalar(node.list().get(i), field + "[" + i + "]"));
    }
    return out;
  }

  private String scalar(YamlTree.Node node, String field) {
    if (!node.isScalar() || ((String) node.value()).isBlank()) {
      throw fail(node, field, "expected a non-blank string, got " + node.kind());
    }
    return (String) node.value();
  }

  private List<YamlTree.Node> list(YamlTree.Node node, String field) {
    if (!node.isList()) {
      throw fail(node, field, "expected a list, got " + node.kind());
    }
    return node.list();
  }

  private void map(YamlTree.Node node, String field) {
    if (!node.isMap()) {
      throw fail(node, field, "expected a map, got " + node.kind());
    }
  }

  private YamlTree.Node required(YamlTree.Node parent, Map<String, YamlTree.Node> map, String key,
      String field) {
    YamlTree.Node node = map.get(key);
    if (node == null) {
      throw fail(parent, field.isEmpty() ? key : field + "." + key, "'" + key + "' is required");
    }
    return node;
  }

  private void allowKeys(YamlTree.Node node, String field, Set<String> allowed) {
    for (String key : node.map().keySet()) {
      if (!allowed.contains(key)) {
        throw fail(node.map().get(key), field.isEmpty() ? key : field + "." + key,
            "unknown key '" + key + "'; expected one of " + String.join(", ",
                allowed.stream().sorted().toList()));
      }
    }
  }

  private ItineraException fail(YamlTree.Node at, String field, String message) {
    return new ItineraException(ErrorCode.CONFIG_INVALID, field, source + ": line " + at.line()
        + (field.isEmpty() ? "" : ", " + field) + ": " + message);
  }
}
