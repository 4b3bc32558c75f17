/**
 * Bulk import: CSV, JSON Lines and Parquet files read through DuckDB, mapped to canonical events by
 * a YAML mapping, validated row by row in SQL (rejected rows go to a rejects file with their line
 * and reason), and stored through the {@link org.itinera.ingest.Ingestor}'s set-based bulk path,
 * so identities are stitched exactly as for API events. See docs/IMPORT.md.
 */
package org.itinera.importer;
