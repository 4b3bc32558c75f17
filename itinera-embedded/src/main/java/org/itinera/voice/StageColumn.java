package org.itinera.voice;

import java.util.List;
import java.util.Objects;

/**
 * The journey stage of an event as a SQL expression over {@code events}, so texts can be
 * filtered and counted by stage: {@code sql} is built from the journey model's structure only,
 * its {@code ?}s take {@code values} in order, and it yields one of {@code stages} or NULL.
 *
 * @param stages the stage ids the expression can yield, in journey order
 */
public record StageColumn(String sql, List<Object> values, List<String> stages) {
  public StageColumn {
    Objects.requireNonNull(sql, "sql");
    values = List.copyOf(values);
    stages = List.copyOf(stages);
    long marks = sql.chars().filter(c -> c == '?').count();
    if (marks != values.size()) {
      throw new IllegalArgumentException("stage expression has " + marks + " placeholders but "
          + values.size() + " values");
    }
  }

  /**
   * The parameters of a statement where this expression comes first: its values, then {@code
   * more} (for {@code Rows}, a {@code SqlWhere} among them stands for its own values).
   */
  public Object[] params(Object... more) {
    Object[] out = new Object[values.size() + more.length];
    for (int i = 0; i < values.size(); i++) {
      out[i] = values.get(i);
    }
    System.arraycopy(more, 0, out, values.size(), more.length);
    return out;
  }
}
