package org.itinera.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.store.TestShop.event;
import static org.itinera.store.TestShop.identify;

import java.nio.file.Path;
import java.util.List;
import org.itinera.event.Event;
import org.itinera.store.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  @TempDir Path dir;

  @Test
  void read_listsNamesChannelsAndTraitValuesMostCommonFirst() {
    List<Event> events = List.of(
        identify("i1", "a", null, "2026-05-01T09:00:00Z", "{\"plan\":\"gold\",\"age\":31,"
            + "\"vip\":true,\"tags\":[\"x\"],\"address\":{\"city\":\"Seoul\"}}"),
        identify("i2", "b", null, "2026-05-01T09:00:00Z", "{\"plan\":\"gold\"}"),
        identify("i3", "c", null, "2026-05-01T09:00:00Z", "{\"plan\":\"silver\"}"),
        event("e1", "a", "2026-05-01T10:00:00Z", "track", "Product Viewed", "web", null),
        event("e2", "b", "2026-05-02T10:00:00Z", "track", "Product Viewed", "app", null),
        event("e3", "b", "2026-05-02T10:01:00Z", "track", "Product Viewed", "app", null),
        event("e4", "a", "2026-05-03T10:00:00Z", "track", "Order Completed", "web", null));
    CatalogReport r = TestShop.query(dir, events, c -> new Catalog(c).read());
    assertThat(r.from()).isEqualTo("2026-05-01");
    assertThat(r.to()).isEqualTo("2026-05-03");
    assertThat(r.events()).containsExactly(
        new CatalogReport.EventName("Product Viewed", "track", 3, 2),
        new CatalogReport.EventName("Order Completed", "track", 1, 1));
    assertThat(r.channels()).containsExactly(new CatalogReport.Channel("web", 5, 3),
        new CatalogReport.Channel("app", 2, 1));
    assertThat(r.traits()).extracting(CatalogReport.Trait::key)
        .containsExactly("plan", "age", "vip"); // arrays and objects are not offered
    CatalogReport.Trait plan = r.traits().get(0);
    assertThat(plan.customers()).isEqualTo(3);
    assertThat(plan.distinctValues()).isEqualTo(2);
    assertThat(plan.values()).containsExactly(new CatalogReport.TraitValue("gold", 2),
        new CatalogReport.TraitValue("silver", 1));
    assertThat(r.traits().get(1).values()).containsExactly(new CatalogReport.TraitValue("31", 1));
  }

  @Test
  void read_emptyStoreHasNoRange() {
    CatalogReport r = TestShop.query(dir, List.of(), c -> new Catalog(c).read());
    assertThat(r.from()).isNull();
    assertThat(r.events()).isEmpty();
    assertThat(r.traits()).isEmpty();
  }
}
