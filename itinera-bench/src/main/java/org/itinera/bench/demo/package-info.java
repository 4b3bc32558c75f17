/** Macro benchmark of the demo data generator: events per second at a given size. */
package org.itinera.bench.demo;
