package org.itinera.store;

/**
 * The one way user-given text enters SQL where DuckDB cannot bind a parameter (file paths in
 * {@code COPY ... TO}, table-function arguments): as a quoted string literal. Everything else is
 * a bound {@code ?}.
 */
public final class SqlText {
  private SqlText() {}

  /** A SQL string literal: single quotes doubled, NUL refused. */
  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("text for SQL must not contain NUL");
    }
    return "'" + value.replace("'", "''") + "'";
  }
}
