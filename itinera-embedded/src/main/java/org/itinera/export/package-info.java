/** Exports of the event store for other engines: a date-partitioned Parquet data set. */
package org.itinera.export;
