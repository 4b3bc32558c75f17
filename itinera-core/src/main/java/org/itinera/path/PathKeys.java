package org.itinera.path;

import org.itinera.sequence.EventSequence;

/** How a path occurrence becomes a key: packed into a long when it fits, else a {@link NameSeq}. */
final class PathKeys {
  private PathKeys() {}

  /** Packs the names of events {@code first ..}; {@code nameOfClass} maps classes to name ids. */
  static long pack(EventSequence events, int[] nameOfClass, int first, int length) {
    long key = 0;
    for (int i = 0; i < length; i++) {
      key |= (long) (nameOfClass[events.eventClass(first + i)] + 1) << (16 * i);
    }
    return key;
  }

  static NameSeq wide(EventSequence events, int[] nameOfClass, int first, int length) {
    int[] names = new int[length];
    for (int i = 0; i < length; i++) {
      names[i] = nameOfClass[events.eventClass(first + i)];
    }
    return new NameSeq(names);
  }

  /** How many events a packed key holds. */
  static int length(long key) {
    return (64 - Long.numberOfLeadingZeros(key) + 15) >>> 4;
  }

  /** The class-to-name table of a vocabulary, for {@link #pack}. */
  static int[] nameOfClass(org.itinera.sequence.Vocabulary vocabulary) {
    int[] names = new int[vocabulary.classCount()];
    for (int c = 0; c < names.length; c++) {
      names[c] = vocabulary.nameOfClass(c);
    }
    return names;
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
