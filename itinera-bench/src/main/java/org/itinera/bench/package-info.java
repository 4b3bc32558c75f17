/**
 * Macro benchmark runners (main classes) over the real store, engine and server: HTTP ingestion,
 * file import, the sequence engine and the query API. Each prints measured figures and how they
 * were obtained; docs/BENCHMARKS.md has the commands and results.
 */
package org.itinera.bench;
