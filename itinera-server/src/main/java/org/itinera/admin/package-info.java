/** Admin endpoints: sources and customer look-ups for the CLI's --server mode. */
package org.itinera.admin;
