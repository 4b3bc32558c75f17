package org.itinera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.FunnelStepResult;
import org.itinera.funnel.Funnels;
import org.itinera.index.SequenceIndex;
import org.itinera.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's SQL funnel counts what the engine counts, on the benchmark's own data shape. */
class HandWrittenSqlFunnelTest {
  private static final long HOUR = 3_600_000L;

  @TempDir
  Path dir;

  @Test
  void customersPerStep_equalTheEngine() throws Exception {
    String[][] funnels = {SyntheticEvents.FUNNEL,
        {"Product Viewed", "Product Viewed", "Order Completed"}, {"Order Completed"}};
    try (Store store = Store.open(dir)) {
      SyntheticEvents.generate(store.connection(), 30_000, 2_000);
      try (SequenceIndex index = SequenceIndex.build(store.newConnection(), 2)) {
        for (String[] steps : funnels) {
          for (long window : new long[] {HOUR, 24 * HOUR, 7 * 24 * HOUR, 365 * 24 * HOUR}) {
            List<Long> engine = Funnels.run(index, FunnelSpec.of(Arrays.stream(steps)
                .map(FunnelStep::named).toList(), window)).steps().stream()
                .map(FunnelStepResult::customers).toList();
            assertThat(HandWrittenSqlFunnel.run(store.connection(), steps, window))
                .as("%s within %d ms", Arrays.toString(steps), window).isEqualTo(engine);
            assertThat(engine.get(0)).isPositive();
          }
        }
      }
    }
  }
}
