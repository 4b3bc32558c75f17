package org.itinera.ingest;

import java.sql.SQLException;

/**
 * A set-based load of many events that are already readable by DuckDB (a file being imported),
 * run by {@link Ingestor#ingestBulk} on the writer thread inside one transaction.
 *
 * @param <T> what the load reports back (e.g. counts of rows read, stored and rejected)
 */
@FunctionalInterface
public interface BulkLoad<T> {
  /**
   * Does the load through the session. Returning normally commits everything the session wrote;
   * throwing rolls all of it back, identities included.
   */
  T load(BulkSession session) throws SQLException;
}
