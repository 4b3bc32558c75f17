package org.itinera.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itinera.event.Event;
import org.itinera.sequence.InMemorySource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The paths analysis reproduces the published process-mining figures of real logs: every
 * directly-follows pair and count, start and end activities, and every variant count.
 */
class ProcessMiningLogsTest {

  @ParameterizedTest
  @CsvSource({"running-example, running-example.activity.json",
      "receipt, 08_receipt.activity.json", "helpdesk, helpdesk.activity.json"})
  void paths_reproduceDirectlyFollowsAndVariants(String log, String expectedFile)
      throws IOException {
    JsonNode expected = new ObjectMapper().readTree(ProcessMiningLogs.expected(expectedFile));
    List<Event> events = ProcessMiningLogs.events(log);
    InMemorySource source = new InMemorySource(events, Map.of(), 3);

    PathsResult pairs = Paths.run(source, PathSpec.of(Anchor.every(), 2).withTop(PathSpec.MAX_TOP));
    Map<String, Long> df = new HashMap<>();
    Map<String, Long> ends = new HashMap<>();
    for (PathRow row : pairs.paths()) {
      if (row.events().size() == 2) {
        df.put(row.events().get(0) + " -> " + row.events().get(1), row.count());
      } else {
        ends.put(row.events().get(0), row.count());
      }
    }
    Map<String, Long> expectedDf = new HashMap<>();
    expected.get("top_df").forEach(p -> expectedDf.put(p.get(0).asText() + " -> "
        + p.get(1).asText(), p.get(2).asLong()));
    assertThat(df).isEqualTo(expectedDf);
    assertThat(df).hasSize(expected.get("df_pairs").asInt());
    assertThat(df.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(expected.get("df_total").asLong());
    assertThat(ends).isEqualTo(counts(expected.get("end")));
    assertThat(pairs.coverage().customers()).isEqualTo(expected.get("cases").asLong());
    assertThat(pairs.coverage().events()).isEqualTo(expected.get("events").asLong());
    assertThat(pairs.coverage().eventsCut()).isZero();

    PathsResult starts = Paths.run(source, PathSpec.of(Anchor.start(), 1).withTop(1000));
    Map<String, Long> startCounts = new HashMap<>();
    starts.paths().forEach(r -> startCounts.put(r.events().get(0), r.count()));
    assertThat(startCounts).isEqualTo(counts(expected.get("start")));

    PathsResult variants = Paths.run(source,
        PathSpec.of(Anchor.start(), 0).withTop(PathSpec.MAX_TOP));
    assertThat(variants.distinctPaths()).isEqualTo(expected.get("variants").asLong());
    List<Long> expectedVariantCounts = new java.util.ArrayList<>();
    expected.get("top_variant_counts").forEach(n -> expectedVariantCounts.add(n.asLong()));
    assertThat(variants.paths()).extracting(PathRow::count).isEqualTo(expectedVariantCounts);
    assertThat(variants.coverage().customersCut()).isZero();
  }

  private static Map<String, Long> counts(JsonNode pairs) {
    Map<String, Long> out = new HashMap<>();
    pairs.forEach(p -> out.put(p.get(0).asText(), p.get(1).asLong()));
    return out;
  }
}
