package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.junit.jupiter.api.Test;

class DemoBatcherTest {
  @Test
  void batches_carryEveryMessageAndRowExactlyOnce() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<byte[]> bodies = new ArrayList<>();
    Map<DemoFile, Integer> rowCounts = new EnumMap<>(DemoFile.class);
    List<Integer> sizes = new ArrayList<>();
    DemoStats stats;
    try (DemoBatcher batcher = new DemoBatcher(250, new DemoBatcher.Handler() {
      @Override
      public void segmentBatch(byte[] body, int messages) {
        bodies.add(body);
        sizes.add(messages);
      }

      @Override
      public void rows(DemoFile file, List<DemoRow> rows) {
        assertThat(file.isTruth()).isFalse();
        assertThat(rows).hasSizeLessThanOrEqualTo(250).allMatch(r -> r.file() == file);
        rowCounts.merge(file, rows.size(), Integer::sum);
      }
    })) {
      stats = new DemoGenerator(DemoOptions.defaults().withCustomers(60)).generate(batcher);
    }
    long parsed = 0;
    for (int i = 0; i < bodies.size(); i++) {
      JsonNode batch = json.readTree(bodies.get(i)).get("batch");
      assertThat(batch.size()).isEqualTo(sizes.get(i));
      parsed += batch.size();
    }
    assertThat(parsed).isEqualTo(stats.messages());
    assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(250);
    for (DemoFile f : DemoFile.values()) {
      if (!f.isTruth()) {
        assertThat((long) rowCounts.getOrDefault(f, 0)).as(f.fileName())
            .isEqualTo(stats.rows().getOrDefault(f.fileName(), 0L));
      }
    }
  }

  @Test
  void batches_neverExceedTheCollectionApiLimits() {
    List<Integer> bytes = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    try (DemoBatcher batcher = new DemoBatcher(100_000, new DemoBatcher.Handler() {
      @Override
      public void segmentBatch(byte[] body, int messages) {
        bytes.add(body.length);
        counts.add(messages);
      }

      @Override
      public void rows(DemoFile file, List<DemoRow> rows) {}
    })) {
      new DemoGenerator(DemoOptions.defaults().withCustomers(40)).generate(batcher);
    }
    assertThat(bytes.size()).isGreaterThan(1);
    assertThat(bytes).allMatch(b -> b <= org.itinera.ingest.SegmentMessages.MAX_BATCH_BYTES);
    assertThat(counts).allMatch(c -> c <= org.itinera.ingest.SegmentMessages.MAX_BATCH_MESSAGES);
    assertThat(bytes.get(0)).isGreaterThan(org.itinera.ingest.SegmentMessages.MAX_BATCH_BYTES * 9 / 10);
  }

  @Test
  void new_zeroBatchSize_namesTheField() {
    assertThatThrownBy(() -> new DemoBatcher(0, null))
        .isInstanceOfSatisfying(ItineraException.class, e -> assertThat(e.field()).isEqualTo("batchSize"));
  }
}
