package org.itinera.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text built from structure only. Every value that comes from a user (file paths, column
 * names used as JSON keys, constants, formats, messages naming columns) becomes a bound {@code $n}
 * parameter via {@link #param}; the only user input ever written into the text is a column name
 * of the input file, and that goes through {@link #identifier}, the one quoting function.
 */
final class Sql {
  private final List<Object> params = new ArrayList<>();

  /** A placeholder bound to {@code value}; equal values share one placeholder. */
  String param(Object value) {
    int i = params.indexOf(value);
    if (i < 0) {
      params.add(value);
      i = params.size() - 1;
    }
    return "$" + (i + 1);
  }

  List<Object> params() {
    return List.copyOf(params);
  }

  /**
   * A DuckDB identifier for any column name: wrapped in double quotes, embedded double quotes
   * doubled, so quotes, semicolons and spaces in a name stay part of the name. NUL cannot be
   * represented and is refused.
   */
  static String identifier(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a column name cannot contain NUL");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
