/**
 * The DuckDB store: one database file per data directory, versioned migrations applied on open,
 * and the single-writer lock translated into an error that says how to reach the server holding
 * it.
 */
package org.itinera.store;
