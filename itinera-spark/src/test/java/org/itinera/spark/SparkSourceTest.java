package org.itinera.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.itinera.ItineraException;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.sequence.Breakdown;
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
          .hasMessageContaining("trait:plan");
      assertThatThrownBy(() -> source.prepare(SequenceFilter.NONE.withTraits(
          List.of(PropertyPredicate.eq("plan", "pro"))), List.of(), List.of()))
          .isInstanceOf(ItineraException.class).hasMessageContaining("profile");
    }
  }
}
