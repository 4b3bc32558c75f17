package org.itinera.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.journey.JourneyModel;
import org.itinera.journeymap.JourneyMapResult;
import org.itinera.journeymap.JourneyMapSpec;
import org.itinera.journeymap.JourneyMaps;
import org.itinera.path.Anchor;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.path.PathsResult;
import org.itinera.retention.Period;
import org.itinera.retention.Retention;
import org.itinera.retention.RetentionResult;
import org.itinera.retention.RetentionSpec;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.SequenceSource;
import org.junit.jupiter.api.Test;

/**
 * The contract every engine passes (after Trino's {@code BaseConnectorTest}): on the same events,
 * each analysis returns what the reference engine returns, field for field (doubles to 1e-9, as
 * sums merged in another order may differ in the last bit). Subclasses name the engine under test
 * and the reference.
 */
abstract class AnalysisContract {
  static final long DAY = 86_400_000L;
  static final RecursiveComparisonConfiguration SAME = RecursiveComparisonConfiguration.builder()
      .withComparatorForType((a, b) -> Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
          ? 0 : Double.compare(a, b), Double.class)
      .withStrictTypeChecking(true).build();

  private static final SequenceFilter MIDYEAR = SequenceFilter.NONE.withTimeRange(
      ms(LocalDate.of(2025, 3, 1)), ms(LocalDate.of(2025, 9, 1)));

  /** Customers of the capital region: a segment filter on a profile trait. */
  private static final List<PropertyPredicate> SEOUL = List.of(
      PropertyPredicate.eq("region", "Seoul"));

  /** Named segments; the first that holds labels the customer. */
  private static final Breakdown SEGMENTS = segments();

  protected abstract SequenceSource engine();

  protected abstract SequenceSource reference();

  private static Breakdown segments() {
    Map<String, List<PropertyPredicate>> named = new LinkedHashMap<>();
    named.put("young women", List.of(PropertyPredicate.eq("gender", "female"),
        new PropertyPredicate("age_band", PropertyPredicate.Op.IN, List.of("20-29", "30-39"))));
    named.put("capital", SEOUL);
    return Breakdown.segments(named);
  }

  static long ms(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static List<FunnelSpec> funnels() {
    FunnelStep viewed = FunnelStep.named("Product Viewed");
    FunnelStep added = FunnelStep.named("Product Added");
    FunnelStep checkout = FunnelStep.named("Checkout Started");
    FunnelStep withCategory = new FunnelStep("Product Viewed (with category)",
        EventPredicate.named("Product Viewed").withProperties(
            List.of(new PropertyPredicate("category", PropertyPredicate.Op.EXISTS, List.of()))),
        null);
    return List.of(
        FunnelSpec.of(List.of(viewed, added, checkout), null),
        FunnelSpec.of(List.of(viewed, added, checkout), 7 * DAY)
            .withBreakdowns(List.of(Breakdown.channel())),
        FunnelSpec.of(List.of(withCategory, added.withWindow(DAY)), 30 * DAY).withStrict(true),
        FunnelSpec.of(List.of(FunnelStep.named("Page Viewed"), checkout), 14 * DAY)
            .withFilter(MIDYEAR.withChannels(List.of("web"))).withDropSample(5),
        FunnelSpec.of(List.of(viewed, added, checkout), 14 * DAY)
            .withBreakdowns(List.of(Breakdown.trait("age_band"), Breakdown.channel())),
        FunnelSpec.of(List.of(viewed, checkout), null).withBreakdowns(List.of(SEGMENTS)),
        FunnelSpec.of(List.of(viewed, added), 7 * DAY)
            .withBreakdowns(List.of(Breakdown.trait("region")))
            .withFilter(SequenceFilter.NONE.withTraits(List.of(
                PropertyPredicate.eq("gender", "female")))),
        FunnelSpec.of(List.of(viewed, added), null).withFilter(MIDYEAR.withTraits(SEOUL)));
  }

  static List<PathSpec> paths() {
    return List.of(
        PathSpec.of(Anchor.start(), 4),
        PathSpec.of(Anchor.from(EventPredicate.named("Product Added")), 3).withTop(25),
        PathSpec.of(Anchor.to(EventPredicate.named("Checkout Started")), 4)
            .withSessionGap(30 * 60_000L),
        PathSpec.of(Anchor.every(), 2).withFilter(MIDYEAR),
        PathSpec.of(Anchor.start(), 3).withFilter(SequenceFilter.NONE.withTraits(SEOUL)));
  }

  static List<RetentionSpec> retentions() {
    return List.of(
        RetentionSpec.of(Period.WEEK, 8),
        RetentionSpec.of(Period.MONTH, 6)
            .withCohortEvent(EventPredicate.named("Checkout Started"))
            .withReturnEvent(EventPredicate.named("Product Viewed")),
        RetentionSpec.of(Period.WEEK, 4).withFilter(MIDYEAR),
        RetentionSpec.of(Period.MONTH, 4).withFilter(MIDYEAR.withTraits(SEOUL)));
  }

  static List<JourneyMapSpec> journeyMaps() {
    JourneyMapSpec all = JourneyMapSpec.of(JourneyModel.defaultModel());
    return List.of(all, new JourneyMapSpec(all.model(), MIDYEAR.withChannels(List.of("app"))),
        new JourneyMapSpec(all.model(), SequenceFilter.NONE.withTraits(SEOUL)));
  }

  @Test
  void funnels_matchReference() {
    for (FunnelSpec spec : funnels()) {
      FunnelResult expected = Funnels.run(reference(), spec);
      assertThat(expected.entered()).as("the data set exercises %s", spec).isPositive();
      if (spec.breakdowns().stream().anyMatch(b -> b.kind() != Breakdown.Kind.CHANNEL)) {
        assertThat(expected.groups().stream().map(g -> g.by()).distinct().count())
            .as("the traits split %s", spec).isGreaterThan(2);
      }
      assertThat(Funnels.run(engine(), spec)).as("%s", spec).usingRecursiveComparison(SAME)
          .isEqualTo(expected);
    }
  }

  @Test
  void paths_matchReference() {
    for (PathSpec spec : paths()) {
      PathsResult expected = Paths.run(reference(), spec);
      assertThat(expected.paths()).as("the data set exercises %s", spec).isNotEmpty();
      assertThat(Paths.run(engine(), spec)).as("%s", spec).usingRecursiveComparison(SAME)
          .isEqualTo(expected);
    }
  }

  @Test
  void retention_matchesReference() {
    for (RetentionSpec spec : retentions()) {
      RetentionResult expected = Retention.run(reference(), spec);
      assertThat(Retention.run(engine(), spec)).as("%s", spec).usingRecursiveComparison(SAME)
          .isEqualTo(expected);
    }
  }

  @Test
  void journeyMap_matchesReference() {
    for (JourneyMapSpec spec : journeyMaps()) {
      JourneyMapResult expected = JourneyMaps.run(reference(), spec);
      assertThat(JourneyMaps.run(engine(), spec)).as("%s", spec).usingRecursiveComparison(SAME)
          .isEqualTo(expected);
    }
  }
}
