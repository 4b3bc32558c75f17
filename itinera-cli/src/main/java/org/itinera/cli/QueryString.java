package org.itinera.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A query string for the server's analysis endpoints; absent values are left out. */
final class QueryString {
  private final StringBuilder query = new StringBuilder();

  QueryString add(String name, Object value) {
    if (value != null) {
      query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
          .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    }
    return this;
  }

  /** Adds the flag only when it is set, as {@code name=true}. */
  QueryString flag(String name, boolean set) {
    return set ? add(name, "true") : this;
  }

  String path(String path) {
    return path + query;
  }
}
