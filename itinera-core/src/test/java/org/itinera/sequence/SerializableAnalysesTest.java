package org.itinera.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.itinera.event.Event;
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
import org.junit.jupiter.api.Test;

/**
 * A cluster engine ships analyses to workers and partials back: every analysis and its partials
 * survive Java serialisation and still give the same result.
 */
class SerializableAnalysesTest {
  private static final long DAY = 86_400_000L;

  private static List<Event> events() {
    TestEvents e = new TestEvents();
    for (int c = 0; c < 30; c++) {
      String id = "c" + c;
      e.add(id, c * DAY, "Page Viewed", c % 2 == 0 ? "web" : "app", null, -0.4)
          .add(id, c * DAY + 1000, "Product Viewed")
          .add(id, c * DAY + 9 * DAY, c % 3 == 0 ? "Order Completed" : "Ticket Opened", "web",
              "{\"total\": " + c + "}", 0.5);
    }
    return e.list();
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(
          new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new UncheckedIOException(new IOException("not serialisable: " + value, e));
    }
  }

  /** Ships the analysis, runs it, ships the partial back and merges it with a fresh one. */
  private static <P extends Serializable, R> R shipped(PreparedQuery q, SequenceAnalysis<P, R> a) {
    SequenceAnalysis<P, R> remote = copy(a);
    P partial = copy(q.run(remote));
    return a.finish(a.merge(copy(a.newPartial()), partial));
  }

  @Test
  void everyAnalysis_survivesSerialisation() {
    InMemorySource source = new InMemorySource(events(), Map.of("c1", "{\"plan\":\"pro\"}"), 2);
    FunnelSpec funnel = FunnelSpec.of(List.of(FunnelStep.named("Page Viewed"),
        FunnelStep.named("Order Completed")), 30 * DAY)
        .withBreakdowns(List.of(Breakdown.channel(), Breakdown.trait("plan")));
    PreparedQuery fq = source.prepare(funnel.filter(), Funnels.flags(funnel),
        funnel.breakdowns());
    assertThat(shipped(fq, Funnels.analysis(funnel, fq))).isEqualTo(Funnels.run(source, funnel));

    JourneyMapSpec map = JourneyMapSpec.of(JourneyModel.defaultModel());
    PreparedQuery mq = source.prepare(SequenceFilter.NONE, map.model().flags(), List.of());
    assertThat(shipped(mq, JourneyMaps.analysis(map, mq))).isEqualTo(JourneyMaps.run(source, map));

    RetentionSpec retention = RetentionSpec.of(Period.WEEK, 4);
    PreparedQuery rq = source.prepare(SequenceFilter.NONE, List.of(), List.of());
    assertThat(shipped(rq, Retention.analysis(retention, rq)))
        .isEqualTo(Retention.run(source, retention));

    PathSpec paths = PathSpec.of(Anchor.start(), 3);
    assertThat(shipped(rq, Paths.countingAnalysis(paths, rq)))
        .isEqualTo(Paths.run(source, paths).paths());
  }
}
