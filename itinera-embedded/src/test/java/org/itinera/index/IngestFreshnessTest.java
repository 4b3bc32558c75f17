package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.itinera.event.Event;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.itinera.ingest.Ingestor;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events acknowledged by the real ingestor are seen by the next query, merges included. */
class IngestFreshnessTest {
  private static final long T = 1_767_225_600_000L;

  @TempDir
  Path dir;

  private static Event event(String id, String anonymousId, String userId, long ts, String type,
      String name) {
    return new Event(id, null, anonymousId, userId, ts, ts, type, name, "web", null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  @Test
  void acknowledgedEvents_andIdentityMerges_areVisibleToTheNextQuery() {
    FunnelSpec funnel = FunnelSpec.of(List.of(FunnelStep.named("Product Viewed"),
        FunnelStep.named("Order Completed")), null);
    try (Store store = Store.open(dir); Ingestor ingestor = Ingestor.open(store)) {
      ingestor.ingest(List.of(event("m1", "a1", null, T, "track", "Product Viewed")));
      try (SequenceIndex index = SequenceIndex.build(store.newConnection(), 2)) {
        assertThat(Funnels.run(index, funnel).entered()).isEqualTo(1);

        ingestor.ingest(List.of(event("m2", "a2", null, T + 1, "track", "Product Viewed")));
        assertThat(Funnels.run(index, funnel).entered()).isEqualTo(2);

        ingestor.ingest(List.of(event("m3", "a1", "u1", T + 2, "identify", null),
            event("m4", null, "u1", T + 3, "track", "Order Completed")));
        FunnelResult merged = Funnels.run(index, funnel);
        assertThat(merged.entered()).isEqualTo(2);
        assertThat(merged.converted()).isEqualTo(1);
        assertThat(index.stats().customers()).isEqualTo(2);
      }
    }
  }
}
