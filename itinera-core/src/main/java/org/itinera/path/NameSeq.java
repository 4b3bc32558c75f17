package org.itinera.path;

import java.io.Serializable;
import java.util.Arrays;

/** A path too long (or a vocabulary too large) to pack into a long: its event-name ids. */
final class NameSeq implements Serializable {
  private static final long serialVersionUID = 1L;

  final int[] names;
  private final int hash;

  NameSeq(int[] names) {
    this.names = names;
    this.hash = Arrays.hashCode(names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameSeq other && hash == other.hash && Arrays.equals(names, other.names);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
