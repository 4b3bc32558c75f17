package org.itinera.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch contract (CollectRoutes, docs/COLLECTION_API.md): valid messages are stored, invalid
 * ones are reported by index and field with a 400, and re-sending the whole batch stores nothing
 * twice.
 */
class PartialBatchTest {
  @TempDir Path dir;
  CollectServer api;

  @BeforeEach
  void start() {
    api = new CollectServer(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void batch_withInvalidItems_storesTheValidOnesAndReportsEachInvalidOne() {
    String p = UUID.randomUUID().toString();
    String body = """
        {"batch":[
          {"type":"track","messageId":"%1$s-0","userId":"u","event":"A"},
          {"type":"track","messageId":"%1$s-1","userId":"u","event":"B",
           "properties":{"rating":{"stars":5}}},
          {"type":"page","messageId":"%1$s-2","anonymousId":"a"},
          {"type":"track","messageId":"%1$s-3","event":"No Id"},
          {"type":"identify","messageId":"%1$s-4","userId":"u","traits":{"plan":"pro"}}
        ]}""".formatted(p);
    var reply = api.post("/v1/batch", body);

    assertThat(reply.status()).isEqualTo(400);
    var json = reply.json();
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.get("accepted").asInt()).isEqualTo(3);
    assertThat(json.get("duplicates").asInt()).isZero();
    assertThat(json.get("rejected").asInt()).isEqualTo(2);
    assertThat(json.at("/errors/0/index").asInt()).isEqualTo(1);
    assertThat(json.at("/errors/0/field").asText()).isEqualTo("batch[1].properties.rating");
    assertThat(json.at("/errors/0/message").asText()).contains("expected a number");
    assertThat(json.at("/errors/1/index").asInt()).isEqualTo(3);
    assertThat(json.at("/errors/1/field").asText()).isEqualTo("batch[3].userId");
    assertThat(json.at("/error/field").asText()).isEqualTo("batch[1].properties.rating");
    assertThat(api.rows("SELECT event_id FROM events ORDER BY event_id"))
        .extracting(r -> r.get("event_id"))
        .containsExactly(p + "-0", p + "-2", p + "-4");

    var again = api.post("/v1/batch", body);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("accepted").asInt()).isZero();
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);
    assertThat(again.json().get("rejected").asInt()).isEqualTo(2);
    assertThat(api.count()).isEqualTo(3);
  }

  @Test
  void batch_allItemsInvalid_storesNothing() {
    var reply = api.post("/v1/batch",
        "{\"batch\":[{\"type\":\"track\",\"event\":\"E\"},{\"type\":\"nope\",\"userId\":\"u\"}]}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("accepted").asInt()).isZero();
    assertThat(reply.json().get("rejected").asInt()).isEqualTo(2);
    assertThat(api.count()).isZero();
  }

  @Test
  void batch_empty_isAcceptedAndStoresNothing() {
    var reply = api.post("/v1/batch", "{\"batch\":[]}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("accepted").asInt()).isZero();
    assertThat(api.count()).isZero();
  }
}
