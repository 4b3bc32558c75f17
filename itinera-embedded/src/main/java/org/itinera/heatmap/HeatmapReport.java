package org.itinera.heatmap;

import java.util.List;

/**
 * The clicks on one page for one device class, counted per square cell.
 *
 * @param device desktop or mobile: the layout the coordinates belong to
 * @param desktopClicks clicks on the page in the period from desktop-width viewports
 * @param width the page width in pixels (the widest viewport seen, else the rightmost click)
 * @param height down to the lowest click's cell
 * @param cell the cells' side in pixels; {@code cells} give each cell's top-left corner
 */
public record HeatmapReport(String page, String device, long clicks, long desktopClicks,
    long mobileClicks, int width, int height, int cell, List<Cell> cells,
    List<Element> elements) {
  public HeatmapReport {
    cells = List.copyOf(cells);
    elements = List.copyOf(elements);
  }

  public record Cell(int x, int y, long clicks) {}

  /** What was clicked, from the click events' {@code element} property. */
  public record Element(String element, long clicks) {}

  /** A page that has clicks, for choosing one. */
  public record Page(String page, long clicks, long customers) {}
}
