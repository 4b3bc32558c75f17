package org.itinera.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.Funnels;
import org.junit.jupiter.api.Test;
import org.itinera.store.Store;
import org.junit.jupiter.api.io.TempDir;

/** The index's funnel against {@link SqlFunnel}, a DuckDB SQL formulation of the same funnel. */
class SqlFunnelDifferentialTest {
  @TempDir
  Path dir;

  @Test
  void funnel_agreesWithSqlFormulation() throws Exception {
    List<List<String>> funnels = List.of(
        List.of("Page Viewed", "Product Viewed", "Product Added", "Checkout Started",
            "Order Completed"),
        List.of("Product Viewed", "Product Viewed", "Order Completed"),
        List.of("identify", "Page Viewed"));
    List<Long> windows = List.of(RandomEvents.DAY, 7 * RandomEvents.DAY, 400 * RandomEvents.DAY);
    try (Store store = EventsTable.create(dir)) {
      Connection c = store.connection();
      EventsTable.insert(c, RandomEvents.generate(7, 3000, 30_000), 0);
      try (SequenceIndex index = SequenceIndex.build(
          store.newConnection(), 2)) {
        for (List<String> steps : funnels) {
          for (long window : windows) {
            FunnelResult engine = Funnels.run(index, FunnelSpec.of(
                steps.stream().map(FunnelStep::named).toList(), window));
            List<SqlFunnel.Step> sql = SqlFunnel.run(c, steps, window);
            assertThat(engine.steps()).hasSameSizeAs(sql);
            for (int k = 0; k < sql.size(); k++) {
              assertThat(engine.steps().get(k).customers()).as("%s within %d, step %d", steps,
                  window, k + 1).isEqualTo(sql.get(k).customers());
              assertThat(engine.steps().get(k).medianMsFromPrevious())
                  .as("%s within %d, median at step %d; sql %s", steps, window, k + 1, sql)
                  .isEqualTo(sql.get(k).medianFromPrevious());
            }
            assertThat(engine.steps().get(1).customers()).isPositive();
          }
        }
      }
    }
  }
}
