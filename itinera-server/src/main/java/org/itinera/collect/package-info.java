/**
 * The collection API, wire-compatible with the Segment HTTP Tracking API so that existing SDKs
 * work by changing the host.
 */
package org.itinera.collect;
