package org.itinera.index;

import org.itinera.sequence.Vocabulary;

/**
 * One immutable state of the index: the base segment, the tail appended since, the customer
 * directory and the vocabulary covering both. Queries hold a snapshot for their whole run, so a
 * refresh never changes data under a running analysis.
 */
record Snapshot(Vocabulary vocabulary, Customers customers, BaseSegment base, Tail tail,
    long maxSeq) {

  int customerCount() {
    return customers.count();
  }

  long events() {
    return (long) base.events() + tail.size();
  }

  long bytes() {
    return base.bytes() + tail.bytes() + customers.bytes();
  }
}
