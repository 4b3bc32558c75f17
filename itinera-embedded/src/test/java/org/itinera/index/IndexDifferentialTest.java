package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.itinera.event.Event;
import org.itinera.funnel.FunnelGroupResult;
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
import org.itinera.retention.Period;
import org.itinera.retention.Retention;
import org.itinera.retention.RetentionSpec;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.InMemorySource;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.SequenceFilter;
import org.itinera.sequence.SequenceSource;
import org.itinera.store.Store;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every analysis gives the same answer on the DuckDB-backed index as on the in-memory engine, over
 * random streams with out-of-order arrival, equal times, long gaps, properties, traits and
 * numeric fields, part of them appended after the index was built.
 */
class IndexDifferentialTest {
  private static final RecursiveComparisonConfiguration CLOSE = RecursiveComparisonConfiguration
      .builder().withComparatorForType((a, b) -> Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b),
          Double.class).build();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void analyses_agreeWithInMemoryEngine(long seed) throws Exception {
    List<Event> events = RandomEvents.generate(seed, 5000, 14000);
    Map<String, String> traits = new HashMap<>();
    Random r = new Random(seed);
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      for (int i = 0; i < 5000; i += 3) {
        String t = "{\"plan\": \"" + (r.nextBoolean() ? "pro" : "free") + "\", \"age\": "
            + (18 + r.nextInt(60)) + "}";
        traits.put("c" + i, t);
        EventsTable.profile(c, "c" + i, t);
      }
      int built = 11000;
      EventsTable.insert(c, events.subList(0, built), 0);
      try (SequenceIndex index = SequenceIndex.build(
          store.newConnection(), 2)) {
        EventsTable.insert(c, events.subList(built, events.size()), built);
        SequenceSource memory = new InMemorySource(events, traits, 3);
        compare(memory, index);
        timelinesAgreeWithStore(c, index, new Random(seed));
        assertThat(index.stats().tailEvents()).isEqualTo(events.size() - built);
        assertThat(index.stats().events()).isEqualTo(events.size());
      }
    }
  }

  /** Customers' timelines from the index, tail and long gaps included, equal the store's rows. */
  private static void timelinesAgreeWithStore(Connection c, SequenceIndex index, Random r)
      throws Exception {
    try (PreparedStatement st = c.prepareStatement("SELECT epoch_ms(ts), type, coalesce(name, type), channel, "
        + "sentiment, rating, revenue FROM events WHERE customer_id = ? ORDER BY ts, seq")) {
      for (int k = 0; k < 300; k++) {
        String id = "c" + r.nextInt(5000);
        st.setString(1, id);
        List<TimelineEvent> expected = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            expected.add(new TimelineEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), (Double) rs.getObject(5), (Double) rs.getObject(6),
                (Double) rs.getObject(7)));
          }
        }
        assertThat(index.timeline(id)).as("timeline of %s", id)
            .usingRecursiveFieldByFieldElementComparator(CLOSE).isEqualTo(expected);
      }
    }
    assertThat(index.timeline("no such customer")).isEmpty();
  }

  private static void compare(SequenceSource memory, SequenceSource index) {
    List<FunnelSpec> funnels = List.of(
        FunnelSpec.of(steps("Page Viewed", "Product Viewed", "Product Added", "Order Completed"),
            7 * RandomEvents.DAY),
        FunnelSpec.of(steps("Product Viewed", "Checkout Started"), null).withStrict(true),
        FunnelSpec.of(List.of(FunnelStep.named("Page Viewed"),
            FunnelStep.named("Order Completed").withWindow(RandomEvents.DAY)),
            30 * RandomEvents.DAY)
            .withBreakdowns(List.of(Breakdown.channel(), Breakdown.trait("plan"))),
        FunnelSpec.of(List.of(FunnelStep.named("Product Viewed"), new FunnelStep("big order",
            EventPredicate.named("Order Completed").withProperties(List.of(new PropertyPredicate(
                "total", PropertyPredicate.Op.GTE, List.of("100")))), null)), null)
            .withFilter(SequenceFilter.NONE.withChannels(List.of("web", "app", "(none)"))
                .withTraits(List.of(PropertyPredicate.eq("plan", "pro")))),
        FunnelSpec.of(steps("identify", "Page Viewed"), RandomEvents.DAY)
            .withFilter(SequenceFilter.NONE.withTimeRange(RandomEvents.T0 + 5 * RandomEvents.DAY,
                RandomEvents.T0 + 60 * RandomEvents.DAY))
            .withBreakdowns(List.of(Breakdown.segments(Map.of("young", List.of(
                new PropertyPredicate("age", PropertyPredicate.Op.LT, List.of("30"))))))));
    for (FunnelSpec spec : funnels) {
      FunnelResult a = Funnels.run(memory, spec);
      FunnelResult b = Funnels.run(index, spec);
      assertThat(b.steps()).as("funnel %s", spec.steps()).isEqualTo(a.steps());
      assertThat(groupsByLabel(b)).isEqualTo(groupsByLabel(a));
    }
    List<PathSpec> paths = List.of(PathSpec.of(Anchor.start(), 4),
        PathSpec.of(Anchor.every(), 2).withTop(500),
        PathSpec.of(Anchor.from(EventPredicate.named("Product Viewed")), 3)
            .withSessionGap(RandomEvents.DAY).withTop(20),
        PathSpec.of(Anchor.to(EventPredicate.named("Order Completed")), 0).withWindow(
            10 * RandomEvents.DAY).withFirstOnly(true));
    for (PathSpec spec : paths) {
      assertThat(Paths.run(index, spec)).isEqualTo(Paths.run(memory, spec));
    }
    JourneyModel model = JourneyModel.parse(JourneyModel.defaultYaml().replace("rules:", """
        rules:
          - stage: purchase
            touchpoint: big-spender
            when: {name: Order Completed, properties: {total: {gt: 150}}}"""), "test.yml");
    JourneyMapResult ma = JourneyMaps.run(memory, JourneyMapSpec.of(model));
    JourneyMapResult mb = JourneyMaps.run(index, JourneyMapSpec.of(model));
    assertThat(mb.stages()).usingRecursiveFieldByFieldElementComparator(CLOSE)
        .isEqualTo(ma.stages());
    assertThat(mb.transitions()).containsExactlyInAnyOrderElementsOf(ma.transitions());
    assertThat(mb.touchpoints()).usingRecursiveFieldByFieldElementComparator(CLOSE)
        .containsExactlyInAnyOrderElementsOf(ma.touchpoints());
    assertThat(mb.matrix()).usingRecursiveFieldByFieldElementComparator(CLOSE)
        .containsExactlyInAnyOrderElementsOf(ma.matrix());
    assertThat(List.of(mb.customers(), mb.events(), mb.unmappedEvents()))
        .isEqualTo(List.of(ma.customers(), ma.events(), ma.unmappedEvents()));
    for (Period p : Period.values()) {
      RetentionSpec spec = RetentionSpec.of(p, 6).withReturnEvent(EventPredicate.named(
          "Order Completed"));
      assertThat(Retention.run(index, spec)).isEqualTo(Retention.run(memory, spec));
    }
  }

  private static Map<Map<String, String>, Object> groupsByLabel(FunnelResult r) {
    Map<Map<String, String>, Object> out = new HashMap<>();
    for (FunnelGroupResult g : r.groups()) {
      out.put(g.by(), g.steps());
    }
    return out;
  }

  private static List<FunnelStep> steps(String... names) {
    return List.of(names).stream().map(FunnelStep::named).toList();
  }
}
