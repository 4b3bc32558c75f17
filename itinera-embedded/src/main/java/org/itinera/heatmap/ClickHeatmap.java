package org.itinera.heatmap;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.heatmap.HeatmapReport.Cell;
import org.itinera.heatmap.HeatmapReport.Element;
import org.itinera.heatmap.HeatmapReport.Page;
import org.itinera.store.Period;
import org.itinera.store.Rows;
import org.itinera.store.SqlWhere;

/**
 * Reads click coordinates and counts them per cell. A click is any event whose properties hold
 * numeric {@code x} and {@code y} and a page ({@code properties.page}, else
 * {@code properties.path}, else the Segment context's {@code page.path}). Viewports narrower than
 * {@value #MOBILE_BELOW} pixels are the mobile layout.
 *
 * <p>Design notes. Parsing JSON is the cost here, so {@link #CLICKS} reads every property it
 * needs with one {@code json_transform} into a typed struct (non-numbers become null), and only
 * for events whose raw JSON text contains both {@code "x"} and {@code "y"} (a plain text search;
 * JSON that Itinera writes never escapes those letters), which leaves out most events before any
 * parsing.
 */
public final class ClickHeatmap {
  static final int MOBILE_BELOW = 768;
  static final int MAX_PAGES = 200;
  static final int MAX_ELEMENTS = 50;
  static final List<String> DEVICES = List.of("auto", "desktop", "mobile");

  /** The click events as rows (customer_id, x, y, page, vw, element); PERIOD is filled in. */
  private static final String CLICKS = "(SELECT * FROM (SELECT customer_id, j.x AS x, j.y AS y,"
      + " coalesce(j.page, j.path, json_extract_string(context, '$.page.path')) AS page,"
      + " j.viewport_width AS vw, j.element AS element FROM (SELECT customer_id, context,"
      + " json_transform(properties, '{\"x\": \"DOUBLE\", \"y\": \"DOUBLE\","
      + " \"page\": \"VARCHAR\", \"path\": \"VARCHAR\", \"viewport_width\": \"DOUBLE\","
      + " \"element\": \"VARCHAR\"}') AS j FROM events"
      + " WHERE contains(CAST(properties AS VARCHAR), '\"x\"')"
      + " AND contains(CAST(properties AS VARCHAR), '\"y\"') AND PERIOD))"
      + " WHERE x >= 0 AND y >= 0 AND page IS NOT NULL) clicks";
  private static final String MOBILE = "coalesce(vw < " + MOBILE_BELOW + ", FALSE)";

  private final Connection connection;

  public ClickHeatmap(Connection connection) {
    this.connection = connection;
  }

  private static SqlWhere period(Period period) {
    SqlWhere w = new SqlWhere();
    period.restrict(w, "ts");
    return w;
  }

  private static String clicks(SqlWhere period) {
    return CLICKS.replace("PERIOD", period.conjunction());
  }

  /** Pages with clicks in the period, most clicked first. */
  public List<Page> pages(Period period) {
    SqlWhere p = period(period);
    try {
      List<Page> out = new ArrayList<>();
      for (Rows.Row r : Rows.all(connection, "SELECT page, count(*) AS n,"
          + " count(DISTINCT customer_id) FROM " + clicks(p)
          + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?", p, MAX_PAGES)) {
        out.add(new Page(r.getString(1), r.getLong(2), r.getLong(3)));
      }
      return out;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * The heatmap of {@code page}.
   *
   * @param device auto (the device class with more clicks), desktop or mobile
   * @param cell cell side in pixels, 4 to 200
   */
  public HeatmapReport heatmap(String page, Period period, String device, int cell) {
    if (page == null || page.isBlank()) {
      throw ItineraException.invalid("page", "name the page, e.g. page=Home (see /api/heatmap/pages)");
    }
    String d = device == null || device.isBlank() ? "auto" : device.strip().toLowerCase(Locale.ROOT);
    if (!DEVICES.contains(d)) {
      throw ItineraException.invalid("device", "'" + device + "' is not one of " + DEVICES);
    }
    if (cell < 4 || cell > 200) {
      throw ItineraException.invalid("cell", "cell is " + cell + " pixels; expected 4 to 200");
    }
    SqlWhere p = period(period);
    try {
      // one pass: clicks per device class and cell (with each device's page extent), and per
      // device class and element; grouping() tells the two kinds of row apart
      List<Rows.Row> rows = Rows.all(connection, "SELECT " + MOBILE + " AS mobile,"
          + " CAST(floor(x / ?) AS INTEGER) * ? AS cx, CAST(floor(y / ?) AS INTEGER) * ? AS cy,"
          + " element, grouping(element) = 1 AS is_cell, count(*), max(vw), max(x)"
          + " FROM " + clicks(p) + " WHERE page = ?"
          + " GROUP BY GROUPING SETS ((mobile, cx, cy), (mobile, element))"
          + " ORDER BY is_cell DESC, cy, cx, 6 DESC, element", cell, cell, cell, cell, p, page);
      long desktop = 0;
      long mobile = 0;
      for (Rows.Row r : rows) {
        if (Boolean.TRUE.equals(r.get(5))) {
          if (Boolean.TRUE.equals(r.get(1))) {
            mobile += r.getLong(6);
          } else {
            desktop += r.getLong(6);
          }
        }
      }
      if (d.equals("auto")) {
        d = mobile > desktop ? "mobile" : "desktop";
      }
      boolean wantMobile = d.equals("mobile");
      List<Cell> cells = new ArrayList<>();
      List<Element> elements = new ArrayList<>();
      double width = 0;
      int height = 0;
      for (Rows.Row r : rows) {
        if (Boolean.TRUE.equals(r.get(1)) != wantMobile) {
          continue;
        }
        if (Boolean.TRUE.equals(r.get(5))) {
          cells.add(new Cell((int) r.getLong(2), (int) r.getLong(3), r.getLong(6)));
          width = Math.max(width, Math.max(r.getDouble(7), r.getDouble(8) + 1));
          height = Math.max(height, (int) r.getLong(3) + cell);
        } else if (r.get(4) != null && elements.size() < MAX_ELEMENTS) {
          elements.add(new Element(r.getString(4), r.getLong(6)));
        }
      }
      long total = wantMobile ? mobile : desktop;
      return new HeatmapReport(page, d, total, desktop, mobile, (int) Math.ceil(width), height,
          cell, cells, elements);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static ItineraException failure(SQLException e) {
    return new ItineraException(ErrorCode.INTERNAL, null,
        "cannot compute the click heatmap: " + e.getMessage(), e);
  }
}
