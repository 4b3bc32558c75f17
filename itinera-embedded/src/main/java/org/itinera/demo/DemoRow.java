package org.itinera.demo;

import java.util.List;
import java.util.Objects;

/**
 * One row of a source file (orders, tickets, ...); values follow {@link DemoFile#columns()},
 * and an empty string means absent.
 */
public record DemoRow(DemoFile file, List<String> values) {
  public DemoRow {
    Objects.requireNonNull(file, "file");
    values = List.copyOf(values);
    if (values.size() != file.columns().size()) {
      throw new IllegalArgumentException(file.fileName() + " rows have " + file.columns().size()
          + " values, got " + values.size());
    }
  }

  public String get(String column) {
    return values.get(file.column(column));
  }
}
