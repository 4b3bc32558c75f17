/** The HTTP server: wiring of every route, error mapping, and admin authentication. */
package org.itinera.server;
