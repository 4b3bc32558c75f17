/** Benchmarks: macro runners that time whole features over generated data. */
package org.itinera.bench;
