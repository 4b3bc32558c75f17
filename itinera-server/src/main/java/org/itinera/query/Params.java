package org.itinera.query;

import io.javalin.http.Context;
import org.itinera.ItineraException;
import org.itinera.store.Period;

/** Reads query-string parameters, refusing malformed ones with the parameter's name. */
final class Params {
  private Params() {}

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

  static Period period(Context ctx) {
    return Period.parse(ctx.queryParam("from"), ctx.queryParam("to"));
  }
}
