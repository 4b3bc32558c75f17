/**
 * Ingestion: Segment messages parsed and validated into canonical events, identities resolved,
 * duplicates dropped, and events written durably by a single group-committing writer.
 */
package org.itinera.ingest;
