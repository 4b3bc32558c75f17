package org.itinera.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.TestEvents;
import org.junit.jupiter.api.Test;

class FunnelJsonTest {

  @Test
  void json_hasStepsInOrderWithStepAndCustomers() throws Exception {
    TestEvents e = new TestEvents().add("u1", 0, "A").add("u1", 5, "B").add("u2", 0, "A");
    FunnelResult r = Funnels.run(e.source(), FunnelSpec.of(List.of(FunnelStep.named("A"),
        FunnelStep.named("B")), 10L).withBreakdowns(List.of(Breakdown.channel())));
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = json.readTree(json.writeValueAsString(r));
    assertThat(tree.get("steps")).hasSize(2);
    assertThat(tree.at("/steps/0/step").asInt()).isEqualTo(1);
    assertThat(tree.at("/steps/0/customers").asLong()).isEqualTo(2);
    assertThat(tree.at("/steps/1/step").asInt()).isEqualTo(2);
    assertThat(tree.at("/steps/1/customers").asLong()).isEqualTo(1);
    assertThat(tree.at("/steps/1/droppedCustomers/0").asText()).isEqualTo("u2");
    assertThat(tree.at("/groups/0/by/channel").asText()).isEqualTo("web");
    assertThat(json.readValue(json.writeValueAsString(r), FunnelResult.class)).isEqualTo(r);
  }
}
