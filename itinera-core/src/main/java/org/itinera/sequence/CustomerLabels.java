package org.itinera.sequence;

import java.io.Serializable;
import java.util.List;

/**
 * A customer-level breakdown resolved by an engine: the label id of every customer ordinal. Ids
 * index {@link #names()}; customers beyond the array (added after resolution) get label 0, which
 * engines reserve for the "no value" label.
 */
public final class CustomerLabels implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] labelOf;
  private final List<String> names;

  public CustomerLabels(int[] labelOf, List<String> names) {
    this.labelOf = labelOf.clone();
    this.names = List.copyOf(names);
    for (int id : labelOf) {
      if (id < 0 || id >= names.size()) {
        throw new IllegalArgumentException("label id " + id + " outside 0.." + (names.size() - 1));
      }
    }
  }

  public int label(int customer) {
    return customer < labelOf.length ? labelOf[customer] : 0;
  }

  public List<String> names() {
    return names;
  }
}
