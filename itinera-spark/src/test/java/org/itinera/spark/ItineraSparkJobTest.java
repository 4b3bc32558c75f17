package org.itinera.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.itinera.ItineraException;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.journey.JourneyModel;
import org.itinera.journeymap.JourneyMapSpec;
import org.itinera.journeymap.JourneyMaps;
import org.itinera.path.Anchor;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.retention.Period;
import org.itinera.retention.Retention;
import org.itinera.retention.RetentionSpec;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit entry point end to end: its JSON files are the JSON of what the embedded engine
 * returns for the same analyses (the shape the CLI's --json and the HTTP API print).
 */
class ItineraSparkJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode file(String name) throws Exception {
    return JSON.readTree(Files.readString(dir.resolve("out").resolve(name)));
  }

  /** The embedded result as JSON text read back, so numbers compare as the file's do. */
  private static JsonNode embedded(Object result) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(result));
  }

  @Test
  void run_writesTheEmbeddedEnginesJson() throws Exception {
    SparkSession spark = LocalSpark.session();
    DemoData data = DemoData.get();
    Path model = dir.resolve("journey.yml");
    Files.writeString(model, JourneyModel.defaultYaml());
    List<String> written = ItineraSparkJob.run(spark,
        "--input", data.parquet.toString(), "--output", dir.resolve("out").toString(),
        "--funnel", "Product Viewed [category exists], Product Added,Checkout Started",
        "--window", "7d",
        "--by", "channel", "--paths", "3", "--paths-from", "Product Added",
        "--retention", "week:6", "--journey-map", "--model", model.toString(),
        "--resolve-identities", "--partitions", "3");
    assertThat(written).hasSize(4);

    FunnelSpec funnel = FunnelSpec.of(List.of(new FunnelStep("Product Viewed [category exists]",
        EventPredicate.named("Product Viewed").withProperties(List.of(new PropertyPredicate(
            "category", PropertyPredicate.Op.EXISTS, List.of()))), null),
        FunnelStep.named("Product Added"), FunnelStep.named("Checkout Started")), 7 * 86_400_000L)
        .withBreakdowns(List.of(Breakdown.channel()));
    assertThat(file("funnel.json")).isEqualTo(embedded(Funnels.run(data.index, funnel)));
    assertThat(file("paths.json")).isEqualTo(embedded(Paths.run(data.index,
        PathSpec.of(Anchor.from(EventPredicate.named("Product Added")), 3))));
    assertThat(file("retention.json")).isEqualTo(embedded(Retention.run(data.index,
        RetentionSpec.of(Period.WEEK, 6))));
    assertThat(file("journey-map.json")).isEqualTo(embedded(JourneyMaps.run(data.index,
        JourneyMapSpec.of(JourneyModel.defaultModel()))));
  }

  @Test
  void run_filtersAndBreaksDownByProfileTraits() throws Exception {
    SparkSession spark = LocalSpark.session();
    DemoData data = DemoData.get();
    ItineraSparkJob.run(spark, "--input", data.parquet.toString(),
        "--profiles", data.profiles.toString(), "--output", dir.resolve("out").toString(),
        "--funnel", "Product Viewed [category exists],Product Added", "--by",
        "trait:age_band,segment",
        "--segment", "women:gender=female", "--segment", "capital:region=Seoul&lang=ko",
        "--trait", "signup_source=search", "--since", "2025-02-01", "--until",
        "2025-10-01T12:00:00Z", "--channel", "web,app", "--journey-map");

    Map<String, List<PropertyPredicate>> segments = new LinkedHashMap<>();
    segments.put("women", List.of(PropertyPredicate.eq("gender", "female")));
    segments.put("capital", List.of(PropertyPredicate.eq("region", "Seoul"),
        PropertyPredicate.eq("lang", "ko")));
    SequenceFilter filter = new SequenceFilter(
        Instant.parse("2025-02-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2025-10-01T12:00:00Z").toEpochMilli(), List.of("web", "app"),
        List.of(PropertyPredicate.eq("signup_source", "search")));
    FunnelSpec funnel = FunnelSpec.of(List.of(new FunnelStep("Product Viewed [category exists]",
        EventPredicate.named("Product Viewed").withProperties(List.of(new PropertyPredicate(
            "category", PropertyPredicate.Op.EXISTS, List.of()))), null),
        FunnelStep.named("Product Added")), null)
        .withBreakdowns(List.of(Breakdown.trait("age_band"), Breakdown.segments(segments)))
        .withFilter(filter);
    FunnelResult expected = Funnels.run(data.index, funnel);
    assertThat(expected.entered()).isPositive();
    assertThat(expected.groups().size()).isGreaterThan(3);
    assertThat(file("funnel.json")).isEqualTo(embedded(expected));
    assertThat(file("journey-map.json")).isEqualTo(embedded(JourneyMaps.run(data.index,
        new JourneyMapSpec(JourneyModel.defaultModel(), filter))));
    assertThatThrownBy(() -> ItineraSparkJob.run(spark, "--input", "x", "--output", "y",
        "--paths", "3", "--trait", "plan=pro")).isInstanceOf(ItineraException.class)
        .hasMessageContaining("--profiles");
  }

  @Test
  void run_refusesBadArgumentsBeforeReadingData() {
    SparkSession spark = LocalSpark.session();
    assertThatThrownBy(() -> ItineraSparkJob.run(spark, "--input", "x",
        "--output", "y")).isInstanceOf(ItineraException.class)
        .hasMessageContaining("at least one analysis");
    assertThatThrownBy(() -> ItineraSparkJob.run(spark, "--input", "x",
        "--output", "y", "--funnel", "A,B", "--windw", "3d"))
        .isInstanceOf(ItineraException.class).hasMessageContaining("'--windw'");
    assertThatThrownBy(() -> ItineraSparkJob.run(spark, "--input", "x",
        "--output", "y", "--retention", "day:3"))
        .isInstanceOf(ItineraException.class).hasMessageContaining("week:8");
    assertThatThrownBy(() -> ItineraSparkJob.run(spark, "--input", "x", "--output", "y",
        "--funnel", "A,B", "--by", "segment", "--profiles", "p"))
        .isInstanceOf(ItineraException.class).hasMessageContaining("--segment");
    assertThatThrownBy(() -> ItineraSparkJob.run(spark, "--input", "x", "--output", "y",
        "--paths", "2", "--since", "yesterday"))
        .isInstanceOf(ItineraException.class).hasMessageContaining("'yesterday'");
  }
}
