/**
 * Click heatmaps: where on a page customers click, from the {@code x}/{@code y} coordinates that
 * click events carry in their properties ({@code page} or {@code path} names the page;
 * {@code viewport_width} tells desktop from mobile layouts, whose coordinates differ).
 */
package org.itinera.heatmap;
