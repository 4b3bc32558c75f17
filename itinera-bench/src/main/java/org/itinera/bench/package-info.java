/**
 * Macro benchmark runners (main classes) over the real store and server: HTTP ingestion and file
 * import. Each prints measured figures and how they were obtained; docs/BENCHMARKS.md has the
 * commands and results.
 */
package org.itinera.bench;
