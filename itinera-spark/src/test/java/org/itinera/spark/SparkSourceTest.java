package org.itinera.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.junit.jupiter.api.Test;

/** What the Spark engine accepts and refuses, on small hand-made data sets. */
class SparkSourceTest {
  private static final StructType SCHEMA = new StructType()
      .add("customer_id", DataTypes.StringType).add("ts", DataTypes.LongType)
      .add("event_id", DataTypes.StringType).add("type", DataTypes.StringType)
      .add("name", DataTypes.StringType).add("channel", DataTypes.StringType);

  private static Dataset<Row> rows(Row... rows) {
    return LocalSpark.session().createDataFrame(List.of(rows), SCHEMA);
  }

  @Test
  void of_readsEpochMillisAndBreaksTiesByEventId() {
    // c1's two events share a time; event_id orders them, so A then B completes the funnel
    Dataset<Row> events = rows(
        RowFactory.create("c1", 1000L, "e2", "track", "B", "web"),
        RowFactory.create("c1", 1000L, "e1", "track", "A", "web"),
        RowFactory.create("c2", 5000L, "e3", "track", "B", null),
        RowFactory.create("c2", 6000L, "e4", "track", "A", null));
    try (SparkSource source = SparkSource.of(events, 2)) {
      FunnelResult r = Funnels.run(source, FunnelSpec.of(
          List.of(FunnelStep.named("A"), FunnelStep.named("B")), null));
      assertThat(r.entered()).isEqualTo(2);
      assertThat(r.converted()).isEqualTo(1);
      assertThat(r.steps().get(1).droppedCustomers()).containsExactly("c2");
    }
  }

  @Test
  void of_namesMissingColumns() {
    Dataset<Row> noName = rows(RowFactory.create("c1", 1L, "e1", "track", "A", "web"))
        .drop("name", "event_id");
    assertThatThrownBy(() -> SparkSource.of(noName, 1)).isInstanceOf(ItineraException.class)
        .hasMessageContaining("name").hasMessageContaining("seq (or event_id)");
  }

  @Test
  void prepare_refusesWhatNeedsProfiles() {
    try (SparkSource source = SparkSource.of(
        rows(RowFactory.create("c1", 1L, "e1", "track", "A", "web")), 1)) {
      assertThatThrownBy(() -> source.prepare(SequenceFilter.NONE, List.of(),
          List.of(Breakdown.trait("plan")))).isInstanceOf(ItineraException.class)
          .hasMessageContaining("profiles data set");
      assertThatThrownBy(() -> source.prepare(SequenceFilter.NONE.withTraits(
          List.of(PropertyPredicate.eq("plan", "pro"))), List.of(), List.of()))
          .isInstanceOf(ItineraException.class).hasMessageContaining("profiles data set");
    }
  }

  @Test
  void prepare_refusesPropertyConditionsWhenLoadedWithoutProperties() {
    try (SparkSource source = SparkSource.builder(
        rows(RowFactory.create("c1", 1L, "e1", "track", "A", "web"))).properties(false).build()) {
      assertThatThrownBy(() -> source.prepare(SequenceFilter.NONE,
          List.of(PropertyPredicate.eq("plan", "pro")), List.of()))
          .isInstanceOf(ItineraException.class).hasMessageContaining("without them");
    }
  }

  /**
   * Profiles: c1 and c2 have one, c3 (events only) none, c4 (profile only) no events, c5 one
   * whose traits are not JSON; the engine must label and filter them as the reference does.
   */
  @Test
  void traitBreakdownsAndFilters_matchTheReference() {
    Object[][] raw = {
        {"c1", 1000L, "e1", "A", "web"}, {"c1", 2000L, "e2", "B", "app"},
        {"c2", 1500L, "e3", "A", "web"}, {"c3", 1200L, "e4", "A", "web"},
        {"c3", 1300L, "e5", "B", "web"}, {"c5", 1100L, "e6", "A", "app"},
        {"c5", 1700L, "e7", "B", "app"}};
    List<Row> rows = new java.util.ArrayList<>();
    List<Event> events = new java.util.ArrayList<>();
    for (Object[] r : raw) {
      rows.add(RowFactory.create(r[0], r[1], r[2], "track", r[3], r[4]));
      events.add(new Event((String) r[2], (String) r[0], null, null, (Long) r[1], 0, "track",
          (String) r[3], (String) r[4], null, null, null, null, null, null, null, null, null,
          null, null, null));
    }
    Map<String, String> traits = new java.util.LinkedHashMap<>();
    traits.put("c1", "{\"plan\":\"pro\",\"age\":31}");
    traits.put("c2", "{\"plan\":\"free\",\"age\":22}");
    traits.put("c4", "{\"plan\":\"team\"}");
    traits.put("c5", "not json");
    List<Row> profiles = new java.util.ArrayList<>();
    traits.forEach((id, json) -> profiles.add(RowFactory.create(id, json, 1L)));
    StructType profileSchema = new StructType().add("customer_id", DataTypes.StringType)
        .add("traits", DataTypes.StringType).add("events", DataTypes.LongType);
    InMemorySource reference = new InMemorySource(events, Map.of("c1", traits.get("c1"),
        "c2", traits.get("c2"), "c4", traits.get("c4")), 1);
    Map<String, List<PropertyPredicate>> segments = new java.util.LinkedHashMap<>();
    segments.put("adults", List.of(new PropertyPredicate("age", PropertyPredicate.Op.GTE,
        List.of("30"))));
    segments.put("free", List.of(PropertyPredicate.eq("plan", "free")));
    List<FunnelSpec> specs = List.of(
        FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B")), null)
            .withBreakdowns(List.of(Breakdown.trait("plan"), Breakdown.channel())),
        FunnelSpec.of(List.of(FunnelStep.named("A"), FunnelStep.named("B")), null)
            .withBreakdowns(List.of(Breakdown.segments(segments))),
        FunnelSpec.of(List.of(FunnelStep.named("A")), null).withFilter(SequenceFilter.NONE
            .withTraits(List.of(new PropertyPredicate("age", PropertyPredicate.Op.LT,
                List.of("40"))))));
    try (SparkSource source = SparkSource.builder(
            LocalSpark.session().createDataFrame(rows, SCHEMA))
        .profiles(LocalSpark.session().createDataFrame(profiles, profileSchema))
        .partitions(2).build()) {
      assertThat(source.customers()).isEqualTo(4);
      for (FunnelSpec spec : specs) {
        // group order follows vocabulary ids, which each engine numbers its own way
        assertThat(Funnels.run(source, spec)).as("%s", spec).usingRecursiveComparison()
            .ignoringCollectionOrderInFields("groups").isEqualTo(Funnels.run(reference, spec));
      }
    }
  }
}
