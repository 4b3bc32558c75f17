/**
 * The embedded engine's in-memory columnar sequence index, built from the DuckDB {@code events}
 * table: events sorted by customer, then time, then arrival, as primitive arrays (a 16-bit event
 * class and a 32-bit time delta per event), with names, types and channels dictionary-coded.
 * {@link org.itinera.index.SequenceIndex} builds it, keeps it fresh (appending new events by
 * {@code seq}) and runs the core's sequence analyses over it in parallel.
 */
package org.itinera.index;
