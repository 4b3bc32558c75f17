package org.itinera.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.export.ParquetExport;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connected components in Spark stitch customers exactly as the embedded identity graph does: the
 * events' customer ids are thrown away, recomputed from the raw ids, and compared event by event
 * with what the embedded ingest stored.
 */
class IdentityResolutionTest {
  @TempDir Path dir;

  /** Event id to resolved customer id. */
  private static Map<String, String> resolvedIds(Dataset<Row> exported) {
    IdentityResolution resolution = new IdentityResolution(IdentityResolution.DEFAULT_TRAITS);
    Map<String, String> out = new TreeMap<>();
    for (Row r : resolution.resolve(exported.drop("customer_id"))
        .select("event_id", "customer_id").collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private static Map<String, String> storedIds(Dataset<Row> exported) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : exported.select(col("event_id"), col("customer_id")).collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  @Test
  void resolve_stitchesTheDemoAsTheEmbeddedEngineDid() {
    Dataset<Row> exported = LocalSpark.session().read().parquet(DemoData.get().parquet.toString());
    Map<String, String> stored = storedIds(exported);
    assertThat(stored.values().stream().distinct().count())
        .as("the demo has fewer customers than identities")
        .isLessThan(exported.select("anonymous_id").distinct().count());
    assertThat(resolvedIds(exported)).isEqualTo(stored);
  }

  private static Event event(String id, long ts, String anon, String user, String type,
      String properties, String traits) {
    return new Event(id, null, anon, user, ts, ts, type, type.equals("track") ? "Clicked" : null,
        "web", "test", properties, null, traits, null, null, null, null, null, null, null, null);
  }

  @Test
  void resolve_followsAliasesTraitsAndChains() {
    List<Event> events = new ArrayList<>();
    // a chain a1 - U5 - a2 - (email) - a3, with the email written two ways
    events.add(event("e1", 1000, "a1", null, "track", null, null));
    events.add(event("e2", 2000, "a1", "U5", "identify", null, null));
    events.add(event("e3", 3000, "a2", "U5", "track", null, null));
    events.add(event("e4", 4000, "a2", null, "identify", null, "{\"email\":\"Ann@X.com \"}"));
    events.add(event("e5", 5000, "a3", null, "identify", null, "{\"email\":\"ann@x.com\"}"));
    // two users in one component: the smaller user id names it
    events.add(event("e6", 6000, "b1", "U9", "track", null, null));
    events.add(event("e7", 7000, "b1", "U10", "track", null, null));
    // anonymous only: anon: plus the smallest anonymous id, joined by phone
    events.add(event("e8", 8000, "z2", null, "identify", null, "{\"phone\":\"+82 10-1234\"}"));
    events.add(event("e9", 9000, "z1", null, "identify", null, "{\"phone\":\"+8210 1234\"}"));
    // an alias joining a known user id to another one
    events.add(event("e10", 10000, "c1", "U7", "track", null, null));
    events.add(event("e11", 11000, null, "U6", "alias", "{\"previousId\":\"U7\"}", null));
    // a loner
    events.add(event("e12", 12000, "q", null, "track", null, null));
    Path parquet = dir.resolve("parquet");
    try (Store store = Store.open(dir.resolve("data"))) {
      try (Ingestor ingestor = Ingestor.open(store)) {
        ingestor.ingest(events);
      }
      new ParquetExport(store.connection()).export(parquet);
    }
    Dataset<Row> exported = LocalSpark.session().read().parquet(parquet.toString());
    Map<String, String> stored = storedIds(exported);
    assertThat(stored).containsEntry("e5", "U5").containsEntry("e6", "U10")
        .containsEntry("e9", "anon:z1").containsEntry("e10", "U6").containsEntry("e12", "anon:q");
    assertThat(resolvedIds(exported)).isEqualTo(stored);
  }

  @Test
  void resolve_needsRawIdColumns() {
    Dataset<Row> exported = LocalSpark.session().read().parquet(DemoData.get().parquet.toString());
    assertThatThrownBy(() -> new IdentityResolution(List.of()).resolve(exported.drop("user_id")))
        .isInstanceOf(ItineraException.class).hasMessageContaining("user_id");
    assertThatThrownBy(() -> new IdentityResolution(List.of("e-mail")))
        .isInstanceOf(ItineraException.class).hasMessageContaining("e-mail");
  }
}
