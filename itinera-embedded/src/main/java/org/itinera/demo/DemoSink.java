package org.itinera.demo;

/**
 * Receives the generated data as it is produced, so nothing accumulates: a loader batches what
 * it gets into its own writes, an exporter appends to files.
 *
 * <p>Order guarantees: all records of one customer arrive together, followed by
 * {@link #endCustomer()}; within a customer, messages arrive in timestamp order and so do rows.
 * Customers arrive in index order. Calls come from the thread that called generate.
 */
public interface DemoSink {
  /** A behavioural event for the collection API. */
  void message(DemoMessage message);

  /** A row of an importer source file ({@link DemoFile#isTruth()} is false). */
  void row(DemoRow row);

  /** A row of an evaluation file ({@link DemoFile#isTruth()} is true); ignored by default. */
  default void truthRow(DemoRow row) {}

  /** Marks the end of one customer's records: a natural point to flush a batch. */
  default void endCustomer() {}
}
