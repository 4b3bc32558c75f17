package org.itinera.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.itinera.ItineraException;

/**
 * The job's command line: {@code --name value} pairs and a few switches, checked up front so a
 * typo fails before the cluster does any work.
 */
record JobOptions(Map<String, String> values, Map<String, List<String>> repeated) {
  static final Set<String> SWITCHES = Set.of("--journey-map", "--strict",
      "--resolve-identities");
  static final Set<String> VALUED = Set.of("--input", "--output", "--partitions", "--funnel",
      "--window", "--by", "--dropped", "--paths", "--paths-from", "--paths-to", "--paths-top",
      "--retention", "--model", "--identity-traits", "--profiles", "--since", "--until",
      "--channel");
  static final Set<String> REPEATABLE = Set.of("--trait", "--segment");

  static final String USAGE = String.join("\n",
      "usage: ItineraSparkJob --input PARQUET_DIR --output DIR [analyses] [options]",
      "analyses (at least one):",
      "  --funnel A,B,C        funnel over these event names (--window 30d, --strict,",
      "                        --by channel, --dropped N)",
      "  --paths K             top paths of K events (--paths-from EVENT | --paths-to EVENT,",
      "                        --paths-top N)",
      "  --retention week:8    retention by week or month, N periods",
      "  --journey-map         journey map (--model FILE.yaml, default: the shipped model)",
      "filters (every analysis):",
      "  --since DATE|INSTANT  only events at or after this time (UTC)",
      "  --until DATE|INSTANT  only events before this time (exclusive)",
      "  --channel A,B         only events on these channels",
      "  --trait KEY=VALUE     only customers whose profile trait KEY is VALUE (repeatable;",
      "                        needs --profiles)",
      "breakdowns (funnel): --by channel,trait:KEY,segment with",
      "  --segment NAME:KEY=VALUE[&KEY=VALUE]  a named segment (repeatable, first match wins)",
      "options:",
      "  --profiles PATH       the profiles data set written next to the events",
      "  --partitions N        customer ranges (default: 4 x the default parallelism)",
      "  --resolve-identities  recompute customer_id from user/anonymous ids, aliases and",
      "                        identity traits (--identity-traits email,phone)");

  static JobOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, List<String>> repeated = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (REPEATABLE.contains(a)) {
        if (i + 1 >= args.length) {
          throw ItineraException.invalid(a.substring(2), a + " needs a value\n" + USAGE);
        }
        repeated.computeIfAbsent(a, k -> new ArrayList<>()).add(args[++i]);
      } else if (SWITCHES.contains(a)) {
        values.put(a, "true");
      } else if (VALUED.contains(a)) {
        if (i + 1 >= args.length) {
          throw ItineraException.invalid(a.substring(2), a + " needs a value\n" + USAGE);
        }
        values.put(a, args[++i]);
      } else {
        throw ItineraException.invalid("arguments", "unknown argument '" + a + "'\n" + USAGE);
      }
    }
    JobOptions o = new JobOptions(values, repeated);
    o.required("--input");
    o.required("--output");
    if (!o.has("--funnel") && !o.has("--paths") && !o.has("--retention")
        && !o.has("--journey-map")) {
      throw ItineraException.invalid("analyses", "name at least one analysis\n" + USAGE);
    }
    return o;
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw ItineraException.invalid(name.substring(2), name + " is required\n" + USAGE);
    }
    return v;
  }

  boolean has(String name) {
    return values.containsKey(name) || repeated.containsKey(name);
  }

  /** Every value of a repeatable option, in order. */
  List<String> all(String name) {
    return repeated.getOrDefault(name, List.of());
  }

  String get(String name) {
    return values.get(name);
  }

  int integer(String name, int dflt) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ItineraException.invalid(name.substring(2), "'" + v + "' is not a whole number");
    }
  }

  List<String> list(String name, List<String> dflt) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        throw ItineraException.invalid(name.substring(2), "'" + v + "' has an empty item");
      }
      out.add(s);
    }
    return out;
  }

  /** {@code week:8} or {@code month:12}. */
  String[] retention() {
    String v = get("--retention").toLowerCase(Locale.ROOT);
    String[] parts = v.split(":");
    if (parts.length != 2 || !(parts[0].equals("week") || parts[0].equals("month"))) {
      throw ItineraException.invalid("retention", "'" + v
          + "' is not PERIOD:N; use week:8 or month:12");
    }
    return parts;
  }
}
