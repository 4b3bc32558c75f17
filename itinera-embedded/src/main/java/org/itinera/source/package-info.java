/** Event sources: each with a write key (stored hashed) and a default channel. */
package org.itinera.source;
