package org.itinera.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itinera.store.TestShop.event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.store.Period;
import org.itinera.store.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickHeatmapTest {
  @TempDir Path dir;

  private static Event click(String id, String page, int x, int y, int viewport, String element) {
    return event(id, "u" + id, "2026-05-01T10:00:00Z", "track", "Element Clicked", "web",
        "{\"page\":\"" + page + "\",\"x\":" + x + ",\"y\":" + y + ",\"viewport_width\":"
            + viewport + ",\"element\":\"" + element + "\"}");
  }

  private static List<Event> clicks() {
    List<Event> e = new ArrayList<>();
    e.add(click("1", "Product", 705, 470, 1280, "add_to_cart"));
    e.add(click("2", "Product", 719, 479, 1280, "add_to_cart"));
    e.add(click("3", "Product", 721, 470, 1280, "add_to_cart"));
    e.add(click("4", "Product", 100, 1300, 1280, "reviews_tab"));
    e.add(click("5", "Product", 200, 300, 390, "add_to_cart"));
    e.add(click("6", "Home", 10, 10, 1280, "logo"));
    e.add(event("7", "u7", "2026-05-01T10:00:00Z", "track", "Element Clicked", "web",
        "{\"path\":\"/cart\",\"x\":\"12\",\"y\":\"30\"}"));
    e.add(event("8", "u8", "2026-05-01T10:00:00Z", "track", "Scrolled", "web",
        "{\"page\":\"Product\",\"y\":400}")); // no x: not a click
    return e;
  }

  @Test
  void pages_listsPagesWithClicksMostFirst() {
    List<HeatmapReport.Page> pages = TestShop.query(dir, clicks(),
        c -> new ClickHeatmap(c).pages(Period.ALL));
    assertThat(pages).extracting(HeatmapReport.Page::page)
        .containsExactly("Product", "/cart", "Home");
    assertThat(pages.get(0).clicks()).isEqualTo(5);
  }

  @Test
  void heatmap_countsClicksPerCellForTheBusierDevice() {
    HeatmapReport r = TestShop.query(dir, clicks(),
        c -> new ClickHeatmap(c).heatmap("Product", Period.ALL, "auto", 20));
    assertThat(r.device()).isEqualTo("desktop");
    assertThat(r.desktopClicks()).isEqualTo(4);
    assertThat(r.mobileClicks()).isEqualTo(1);
    assertThat(r.clicks()).isEqualTo(4);
    assertThat(r.width()).isEqualTo(1280);
    assertThat(r.height()).isEqualTo(1320);
    assertThat(r.cells()).containsExactly(new HeatmapReport.Cell(700, 460, 2),
        new HeatmapReport.Cell(720, 460, 1), new HeatmapReport.Cell(100, 1300, 1));
    assertThat(r.elements()).containsExactly(new HeatmapReport.Element("add_to_cart", 3),
        new HeatmapReport.Element("reviews_tab", 1));
  }

  @Test
  void heatmap_mobileLayoutIsSeparate() {
    HeatmapReport r = TestShop.query(dir, clicks(),
        c -> new ClickHeatmap(c).heatmap("Product", Period.ALL, "mobile", 50));
    assertThat(r.cells()).containsExactly(new HeatmapReport.Cell(200, 300, 1));
    assertThat(r.width()).isEqualTo(390);
  }

  @Test
  void heatmap_refusesBadInput() {
    assertThatThrownBy(() -> TestShop.query(dir, clicks(),
        c -> new ClickHeatmap(c).heatmap("Product", Period.ALL, "tablet", 20)))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("device");
    assertThatThrownBy(() -> TestShop.query(dir, List.of(),
        c -> new ClickHeatmap(c).heatmap(" ", Period.ALL, null, 20)))
        .extracting(e -> ((ItineraException) e).field()).isEqualTo("page");
  }
}
