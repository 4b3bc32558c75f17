package org.itinera.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collection API's happy paths, over real HTTP against a real store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectApiTest {
  CollectServer api;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = new CollectServer(dir);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  @ParameterizedTest
  @CsvSource({
    "track,    track,    '\"event\":\"Order Completed\"',     Order Completed",
    "identify, identify, '\"traits\":{\"plan\":\"pro\"}',     Identify",
    "page,     page,     '\"name\":\"Home\"',                  Page Viewed",
    "screen,   screen,   '\"name\":\"Cart\"',                  Screen Viewed",
    "group,    group,    '\"groupId\":\"acme\"',               Group",
    "alias,    alias,    '\"previousId\":\"old-anon\"',        Alias",
  })
  void post_eachSingleEndpoint_storesItsTypeAndName(String endpoint, String type, String extra,
      String name) {
    String m = id();
    var reply = api.post("/v1/" + endpoint,
        "{\"messageId\":\"" + m + "\",\"userId\":\"u-" + m + "\"," + extra + "}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(reply.json().get("success").asBoolean()).isTrue();
    assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
    Map<String, Object> e = api.event(m);
    assertThat(e.get("type")).isEqualTo(type);
    assertThat(e.get("name")).isEqualTo(name);
    assertThat(e.get("user_id")).isEqualTo("u-" + m);
    assertThat(e.get("source_id")).isEqualTo(api.sourceId);
    assertThat(e.get("channel")).isEqualTo("web");
  }

  @ParameterizedTest
  @CsvSource({"batch", "import"})
  void post_batchEndpoints_storeEveryItemWithItsOwnType(String endpoint) {
    String a = id();
    String b = id();
    String body = """
        {"batch":[
          {"type":"track","messageId":"%s","anonymousId":"anon-%s","event":"Product Viewed"},
          {"type":"page","messageId":"%s","anonymousId":"anon-%s","name":"Home"}
        ]}""".formatted(a, a, b, a);
    var reply = api.post("/v1/" + endpoint, body);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(api.event(a).get("type")).isEqualTo("track");
    assertThat(api.event(b).get("type")).isEqualTo("page");
    assertThat(api.event(b).get("customer_id")).isEqualTo("anon:anon-" + a);
  }

  @Test
  void post_trailingSlash_isTheSameEndpoint() {
    String m = id();
    var reply = api.post("/v1/import/",
        "{\"batch\":[{\"type\":\"track\",\"messageId\":\"" + m
            + "\",\"userId\":\"u\",\"event\":\"E\"}]}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(api.event(m).get("name")).isEqualTo("E");
  }

  @Test
  void post_writeKeyInBody_authenticatesWithoutBasicAuth() {
    String m = id();
    var reply = api.postWithoutKey("/v1/track", "{\"writeKey\":\"" + api.writeKey
        + "\",\"messageId\":\"" + m + "\",\"userId\":\"u\",\"event\":\"E\"}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(api.event(m).get("source_id")).isEqualTo(api.sourceId);
  }

  @Test
  void post_writeKeyInBatchBody_authenticates() {
    String m = id();
    var reply = api.postWithoutKey("/v1/batch", "{\"writeKey\":\"" + api.writeKey
        + "\",\"batch\":[{\"type\":\"track\",\"messageId\":\"" + m
        + "\",\"userId\":\"u\",\"event\":\"E\"}]}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(api.count()).isPositive();
    assertThat(api.event(m).get("source_id")).isEqualTo(api.sourceId);
  }

  @Test
  void post_withSentAt_correctsClockSkew() {
    // The client's clock runs 3 hours fast; the event happened 10 minutes before it was sent.
    Instant clientNow = Instant.now().plusSeconds(3 * 3600);
    Instant original = clientNow.minusSeconds(600);
    String m = id();
    long before = System.currentTimeMillis();
    var reply = api.post("/v1/track", "{\"messageId\":\"" + m + "\",\"userId\":\"u\","
        + "\"event\":\"E\",\"originalTimestamp\":\"" + original + "\",\"sentAt\":\""
        + clientNow + "\"}");
    long after = System.currentTimeMillis();
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    Map<String, Object> e = api.event(m);
    long receivedAt = (Long) e.get("received_at");
    assertThat(receivedAt).isBetween(before, after);
    assertThat((Long) e.get("ts")).isEqualTo(receivedAt - 600_000);
  }

  @Test
  void post_timestampWithoutSentAt_isStoredAsSent() {
    Instant when = Instant.parse("2024-03-01T09:15:30.250Z");
    String m = id();
    api.post("/v1/track", "{\"messageId\":\"" + m + "\",\"userId\":\"u\",\"event\":\"E\","
        + "\"timestamp\":\"2024-03-01T18:15:30.250+09:00\"}");
    assertThat((Long) api.event(m).get("ts")).isEqualTo(when.toEpochMilli());
  }

  @Test
  void batch_outerSentAtAppliesToItemsWithoutTheirOwn() {
    Instant clientNow = Instant.now().minusSeconds(7200);
    String m = id();
    long before = System.currentTimeMillis();
    api.post("/v1/batch", "{\"sentAt\":\"" + clientNow + "\",\"batch\":[{\"type\":\"track\","
        + "\"messageId\":\"" + m + "\",\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\""
        + clientNow.minusSeconds(30) + "\"}]}");
    long after = System.currentTimeMillis();
    assertThat((Long) api.event(m).get("ts")).isBetween(before - 30_000, after - 30_000);
  }

  @Test
  void batch_outerContextIsMergedIntoEachItem_itemWinsKeyByKey() {
    String a = id();
    String b = id();
    var reply = api.post("/v1/batch", """
        {"context":{"library":{"name":"analytics-java","version":"3.5.4"},"locale":"ko-KR"},
         "batch":[
           {"type":"track","messageId":"%s","userId":"u","event":"E",
            "context":{"locale":"en-US","library":{"version":"9"},"page":{"path":"/x"}}},
           {"type":"track","messageId":"%s","userId":"u","event":"E"}
         ]}""".formatted(a, b));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    JsonNode first = api.jsonColumn(a, "context");
    assertThat(first.get("locale").asText()).isEqualTo("en-US");
    assertThat(first.at("/library/name").asText()).isEqualTo("analytics-java");
    assertThat(first.at("/library/version").asText()).isEqualTo("9");
    assertThat(first.at("/page/path").asText()).isEqualTo("/x");
    JsonNode second = api.jsonColumn(b, "context");
    assertThat(second.get("locale").asText()).isEqualTo("ko-KR");
    assertThat(second.at("/library/version").asText()).isEqualTo("3.5.4");
  }

  @Test
  void post_resentMessageId_isANoOp() {
    String m = id();
    var first = api.post("/v1/track",
        "{\"messageId\":\"" + m + "\",\"userId\":\"u\",\"event\":\"First\"}");
    long count = api.count();
    var again = api.post("/v1/track",
        "{\"messageId\":\"" + m + "\",\"userId\":\"u\",\"event\":\"Changed\"}");
    assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("accepted").asInt()).isZero();
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
    assertThat(api.count()).isEqualTo(count);
    assertThat(api.event(m).get("name")).isEqualTo("First");
  }

  @Test
  void batch_sameMessageIdTwiceInOneBatch_storesItOnce() {
    String m = id();
    var reply = api.post("/v1/batch", """
        {"batch":[{"type":"track","messageId":"%s","userId":"u","event":"A"},
                  {"type":"track","messageId":"%s","userId":"u","event":"B"}]}"""
        .formatted(m, m));
    assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(reply.json().get("duplicates").asInt()).isEqualTo(1);
    assertThat(api.event(m).get("name")).isEqualTo("A");
  }

  @Test
  void post_withoutMessageId_identicalContentIsDeduplicatedByHash() {
    String user = "hash-" + id();
    String body = "{\"userId\":\"" + user + "\",\"event\":\"E\","
        + "\"timestamp\":\"2025-01-02T03:04:05Z\",\"properties\":{\"k\":1}}";
    var first = api.post("/v1/track", body);
    // A retry carries a new sentAt; that alone must not make it a new event.
    var again = api.post("/v1/track",
        "{\"sentAt\":\"2025-01-02T03:04:06Z\"," + body.substring(1));
    var other = api.post("/v1/track", body.replace("\"k\":1", "\"k\":2"));
    assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
    assertThat(other.json().get("accepted").asInt()).isEqualTo(1);
    var rows = api.rows("SELECT event_id FROM events WHERE user_id = ?", user);
    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(r -> assertThat((String) r.get("event_id")).startsWith("h:"));
  }

  @Test
  void post_gzipBody_isInflated() {
    String m = id();
    var reply = api.postBytes("/v1/batch", CollectServer.gzip("{\"batch\":[{\"type\":\"track\","
        + "\"messageId\":\"" + m + "\",\"userId\":\"u\",\"event\":\"Zipped\"}]}"),
        "Content-Encoding", "gzip");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(api.event(m).get("name")).isEqualTo("Zipped");
  }

  @Test
  void post_customerExperienceFields_areStoredInTheirColumns() {
    String m = id();
    var reply = api.post("/v1/track", """
        {"messageId":"%s","userId":"u","event":"Review Submitted",
         "properties":{"channel":"review","text":"배송이 빨라요","rating":"4.5",
                       "revenue":12000,"currency":"krw"}}""".formatted(m));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    Map<String, Object> e = api.event(m);
    assertThat(e.get("channel")).isEqualTo("review");
    assertThat(e.get("text")).isEqualTo("배송이 빨라요");
    assertThat(e.get("rating")).isEqualTo(4.5);
    assertThat(e.get("revenue")).isEqualTo(12000.0);
    assertThat(e.get("currency")).isEqualTo("KRW");
  }

  @Test
  void identifyThenTrack_anonymousHistoryIsStitchedToTheUser() {
    String anon = "anon-" + id();
    String user = "user-" + id();
    api.post("/v1/page", "{\"messageId\":\"" + id() + "\",\"anonymousId\":\"" + anon + "\"}");
    api.post("/v1/identify", "{\"messageId\":\"" + id() + "\",\"anonymousId\":\"" + anon
        + "\",\"userId\":\"" + user + "\",\"traits\":{\"email\":\"" + user + "@example.com\"}}");
    api.post("/v1/track", "{\"messageId\":\"" + id() + "\",\"userId\":\"" + user
        + "\",\"event\":\"Order Completed\"}");
    var rows = api.rows("SELECT DISTINCT customer_id FROM events WHERE anonymous_id = ?"
        + " OR user_id = ?", anon, user);
    assertThat(rows).extracting(r -> r.get("customer_id")).containsExactly(user);
  }
}
