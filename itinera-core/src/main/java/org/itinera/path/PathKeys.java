package org.itinera.path;

import org.itinera.sequence.EventSequence;

/** How a path occurrence becomes a key: packed into a long when it fits, else a {@link NameSeq}. */
final class PathKeys {
  private PathKeys() {}

  static long pack(EventSequence events, int first, int length) {
    long key = 0;
    for (int i = 0; i < length; i++) {
      key |= (long) (events.name(first + i) + 1) << (16 * i);
    }
    return key;
  }

  static NameSeq wide(EventSequence events, int first, int length) {
    int[] names = new int[length];
    for (int i = 0; i < length; i++) {
      names[i] = events.name(first + i);
    }
    return new NameSeq(names);
  }

  static int[] unpack(long key) {
    int length = 0;
    while (length < 4 && ((key >>> (16 * length)) & 0xFFFF) != 0) {
      length++;
    }
    int[] names = new int[length];
    for (int i = 0; i < length; i++) {
      names[i] = (int) ((key >>> (16 * i)) & 0xFFFF) - 1;
    }
    return names;
  }
}
