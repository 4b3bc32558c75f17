/**
 * The web dashboard: static pages, scripts and styles served from the jar (no Node, no build
 * step), Apache ECharts from its WebJar, and the login that turns the admin token into an
 * HttpOnly, SameSite=Strict cookie. The pages call the same {@code /api} as every other client.
 */
package org.itinera.dashboard;
