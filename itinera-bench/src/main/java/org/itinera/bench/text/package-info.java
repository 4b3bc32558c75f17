/** Throughput of text analytics: texts per second for sentiment, seconds for topics at scale. */
package org.itinera.bench.text;
