package org.itinera.analysis;

import java.util.ArrayList;
import java.util.List;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.ModelStages;
import org.itinera.journey.Stage;
import org.itinera.journey.StageRule;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.voice.StageColumn;

/**
 * A journey model's stage of an event as SQL over {@code events}: a CASE with one WHEN per rule
 * in the model's order, so the first rule that holds wins, as in {@link ModelStages} (a test
 * compares the two on every event). The SQL text comes from the model's structure only; every
 * name, channel, property path and value is a bound parameter.
 *
 * <p>Property conditions read {@code json_extract_string(properties, path)}: a missing key or a
 * JSON null is NULL and so never matches; {@code eq}/{@code ne}/{@code in} compare the value's
 * text; comparisons cast it to a number, and fail (NULL) when it is not one.
 */
public final class StageSql {
  private StageSql() {}

  public static StageColumn of(JourneyModel model) {
    StringBuilder sql = new StringBuilder("(CASE");
    List<Object> values = new ArrayList<>();
    for (StageRule r : model.rules()) {
      sql.append(" WHEN ").append(condition(r.when(), values)).append(" THEN ?");
      values.add(r.stage());
    }
    sql.append(" END)");
    return new StageColumn(sql.toString(), values, model.stages().stream().map(Stage::id).toList());
  }

  private static String condition(EventPredicate p, List<Object> values) {
    List<String> parts = new ArrayList<>();
    in(parts, values, "coalesce(name, type)", p.names());
    in(parts, values, "type", p.types());
    in(parts, values, "coalesce(channel, '" + ModelStages.NO_CHANNEL + "')", p.channels());
    for (PropertyPredicate pp : p.properties()) {
      parts.add(property("properties", pp, values));
    }
    return parts.isEmpty() ? "TRUE" : "(" + String.join(" AND ", parts) + ")";
  }

  static void in(List<String> parts, List<Object> values, String column,
      List<String> allowed) {
    if (!allowed.isEmpty()) {
      parts.add(column + " IN (" + marks(allowed.size()) + ")");
      values.addAll(allowed);
    }
  }

  /**
   * {@code pp} on the JSON column {@code column} (a fixed name chosen by the caller: properties
   * or traits), with the path and values added to {@code values}.
   */
  static String property(String column, PropertyPredicate pp, List<Object> values) {
    StringBuilder path = new StringBuilder("$");
    for (String key : pp.keys()) {
      path.append(".\"").append(key).append('"'); // keys hold no quotes (PropertyPredicate)
    }
    values.add(path.toString());
    String text = "json_extract_string(" + column + ", ?)";
    String number = "TRY_CAST(" + text + " AS DOUBLE)";
    switch (pp.op()) {
      case EXISTS:
        return text + " IS NOT NULL";
      case EQ:
        values.add(pp.values().get(0));
        return "coalesce(" + text + " = ?, false)";
      case NE:
        values.add(pp.values().get(0));
        return "coalesce(" + text + " <> ?, false)";
      case IN:
        values.addAll(pp.values());
        return "coalesce(" + text + " IN (" + marks(pp.values().size()) + "), false)";
      default:
        values.add(Double.parseDouble(pp.values().get(0).trim()));
        String op = switch (pp.op()) {
          case GT -> ">";
          case GTE -> ">=";
          case LT -> "<";
          default -> "<=";
        };
        return "coalesce(" + number + " " + op + " ?, false)";
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
