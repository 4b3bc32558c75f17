/**
 * Identity resolution: identities linked by identify and alias calls, by rows carrying both an
 * anonymous and a user id, and by configured traits (email, phone) form connected components; each
 * component is one canonical customer.
 */
package org.itinera.identity;
