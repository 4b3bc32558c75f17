package org.itinera.analysis;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itinera.ItineraException;
import org.itinera.sequence.DurationText;
import org.itinera.sequence.EventExpression;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.store.Period;

/** Reads the query parameters the analyses share, refusing bad ones with the parameter's name. */
final class AnalysisParams {
  private static final Pattern SEGMENT = Pattern.compile("([^:]{1,200}):(.{1,500})");

  private AnalysisParams() {}

  /**
   * The period ({@code from}/{@code to}, ISO dates, both inclusive), channels ({@code channel},
   * repeatable) and trait conditions, all of which must hold: {@code trait=CONDITIONS} in {@link
   * EventExpression}'s form ({@code plan=gold|platinum, orders>=3}) and {@code segment=KEY:VALUE}
   * (equality), each repeatable.
   */
  static SequenceFilter filter(Context ctx) {
    Period p = Period.parse(ctx.queryParam("from"), ctx.queryParam("to"));
    List<PropertyPredicate> traits = new ArrayList<>();
    for (String s : ctx.queryParams("segment")) {
      if (s.isBlank()) {
        continue;
      }
      Matcher m = SEGMENT.matcher(s.strip());
      if (!m.matches()) {
        throw ItineraException.invalid("segment", "'" + s + "' is not a segment; expected"
            + " TRAIT:VALUE such as plan:gold");
      }
      traits.add(PropertyPredicate.eq(m.group(1).strip(), m.group(2).strip()));
    }
    for (String t : ctx.queryParams("trait")) {
      if (!t.isBlank()) {
        traits.addAll(EventExpression.conditions("trait", t));
      }
    }
    List<String> channels = ctx.queryParams("channel").stream().filter(c -> !c.isBlank())
        .toList();
    return new SequenceFilter(p.from() == null ? null : millis(p.from()),
        p.to() == null ? null : millis(p.to().plusDays(1)), channels, traits);
  }

  private static long millis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** A duration such as 30m, 12h, 7d or 2w; null when the parameter is absent or empty. */
  static Long duration(Context ctx, String name) {
    String text = ctx.queryParam(name);
    return text == null || text.isBlank() ? null : DurationText.parse(name, text);
  }

  /**
   * Per-step windows, {@code name=K=DURATION} each (step K within DURATION of step K-1), by K.
   */
  static Map<Integer, Long> stepWindows(Context ctx, String name) {
    Map<Integer, Long> out = new TreeMap<>();
    for (String v : ctx.queryParams(name)) {
      if (v.isBlank()) {
        continue;
      }
      int eq = v.indexOf('=');
      int k;
      try {
        k = eq < 0 ? -1 : Integer.parseInt(v.substring(0, eq).strip());
      } catch (NumberFormatException e) {
        k = -1;
      }
      if (k < 0) {
        throw ItineraException.invalid(name, "'" + v + "' is not K=DURATION, such as 3=1h"
            + " (step 3 within an hour of step 2)");
      }
      if (out.put(k, DurationText.parse(name, v.substring(eq + 1).strip())) != null) {
        throw ItineraException.invalid(name, "step " + k + " is given two windows");
      }
    }
    return out;
  }

  static int integer(Context ctx, String name, int defaultValue) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ItineraException.invalid(name, "'" + v + "' is not a whole number");
    }
  }

  static boolean bool(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank() || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    throw ItineraException.invalid(name, "'" + v + "' is not true or false");
  }

  /** An optional event name; null when absent or empty. */
  static String name(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
