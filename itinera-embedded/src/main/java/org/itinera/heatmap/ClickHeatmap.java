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
 */
public final class ClickHeatmap {
  static final int MOBILE_BELOW = 768;
  static final int MAX_PAGES = 200;
  static final List<String> DEVICES = List.of("auto", "desktop", "mobile");

  private static final String PAGE = "coalesce(json_extract_string(properties, '$.page'),"
      + " json_extract_string(properties, '$.path'), json_extract_string(context, '$.page.path'))";
  private static final String X = "try_cast(json_extract_string(properties, '$.x') AS DOUBLE)";
  private static final String Y = "try_cast(json_extract_string(properties, '$.y') AS DOUBLE)";
  private static final String VIEWPORT = "try_cast(json_extract_string(properties,"
      + " '$.viewport_width') AS DOUBLE)";
  private static final String MOBILE = "coalesce(" + VIEWPORT + " < " + MOBILE_BELOW + ", FALSE)";

  private final Connection connection;

  public ClickHeatmap(Connection connection) {
    this.connection = connection;
  }

  private static SqlWhere clicks(Period period) {
    SqlWhere w = new SqlWhere().and(X + " >= 0 AND " + Y + " >= 0 AND " + PAGE + " IS NOT NULL");
    period.restrict(w, "ts");
    return w;
  }

  /** Pages with clicks in the period, most clicked first. */
  public List<Page> pages(Period period) {
    SqlWhere w = clicks(period);
    try {
      List<Page> out = new ArrayList<>();
      for (Rows.Row r : Rows.all(connection, "SELECT " + PAGE + " AS page, count(*) AS n,"
          + " count(DISTINCT customer_id) FROM events" + w.sql()
          + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?", w, MAX_PAGES)) {
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
    try {
      SqlWhere onPage = clicks(period).and(PAGE + " = ?", page);
      Rows.Row split = Rows.one(connection, "SELECT count(*) FILTER (WHERE NOT " + MOBILE + "),"
          + " count(*) FILTER (WHERE " + MOBILE + ") FROM events" + onPage.sql(), onPage);
      long desktop = split.getLong(1);
      long mobile = split.getLong(2);
      if (d.equals("auto")) {
        d = mobile > desktop ? "mobile" : "desktop";
      }
      SqlWhere w = onPage.copy().and(d.equals("mobile") ? MOBILE : "NOT " + MOBILE);
      Rows.Row size = Rows.one(connection, "SELECT max(" + VIEWPORT + "), max(" + X + "), max("
          + Y + ") FROM events" + w.sql(), w);
      int width = (int) Math.ceil(Math.max(size.getDouble(1), size.getDouble(2) + 1));
      int height = (int) (Math.floor(size.getDouble(3) / cell) + 1) * cell;
      List<Cell> cells = new ArrayList<>();
      for (Rows.Row r : Rows.all(connection, "SELECT CAST(floor(" + X + " / ?) AS INTEGER) * ?,"
          + " CAST(floor(" + Y + " / ?) AS INTEGER) * ?, count(*) FROM events" + w.sql()
          + " GROUP BY 1, 2 ORDER BY 2, 1", cell, cell, cell, cell, w)) {
        cells.add(new Cell((int) r.getLong(1), (int) r.getLong(2), r.getLong(3)));
      }
      List<Element> elements = new ArrayList<>();
      for (Rows.Row r : Rows.all(connection, "SELECT json_extract_string(properties,"
          + " '$.element') AS el, count(*) AS n FROM events" + w.sql() + " AND el IS NOT NULL"
          + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT 50", w)) {
        elements.add(new Element(r.getString(1), r.getLong(2)));
      }
      long total = d.equals("mobile") ? mobile : desktop;
      return new HeatmapReport(page, d, total, desktop, mobile, total == 0 ? 0 : width,
          total == 0 ? 0 : height, cell, cells, elements);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static ItineraException failure(SQLException e) {
    return new ItineraException(ErrorCode.INTERNAL, null,
        "cannot compute the click heatmap: " + e.getMessage(), e);
  }
}
