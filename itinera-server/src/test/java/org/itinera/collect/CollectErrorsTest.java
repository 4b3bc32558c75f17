package org.itinera.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: every refusal is a 4xx JSON body naming the field and the reason, nothing already
 * stored changes, and the server keeps serving (each test ends by storing a good event).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectErrorsTest {
  CollectServer api;
  private long countBefore;
  private String sentinel;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = new CollectServer(dir);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @BeforeEach
  void storeSomethingFirst() {
    sentinel = UUID.randomUUID().toString();
    assertThat(api.post("/v1/track", "{\"messageId\":\"" + sentinel
        + "\",\"userId\":\"keep\",\"event\":\"Kept\"}").status()).isEqualTo(200);
    countBefore = api.count();
  }

  @AfterEach
  void nothingChangedAndTheServerStillServes() {
    assertThat(api.count()).as("events stored by a refused request").isEqualTo(countBefore);
    assertThat(api.event(sentinel).get("name")).isEqualTo("Kept");
    String m = UUID.randomUUID().toString();
    var good = api.post("/v1/track", "{\"messageId\":\"" + m
        + "\",\"userId\":\"after\",\"event\":\"Still Up\"}");
    assertThat(good.status()).isEqualTo(200);
    assertThat(api.event(m).get("name")).isEqualTo("Still Up");
  }

  static Stream<Arguments> badBodies() {
    String ok = "\"userId\":\"u\",\"event\":\"E\"";
    return Stream.of(
        Arguments.of("track", "{\"userId\":\"u\",", "body", "malformed JSON"),
        Arguments.of("track", "{\"userId\":\"u\"} trailing", "body", "malformed JSON"),
        Arguments.of("track", "[1,2]", "body", "expected a JSON object, got array"),
        Arguments.of("track", "", "body", "empty"),
        Arguments.of("track", "{" + ok + ",\"userId\":\"v\"}", "body",
            "duplicate field 'userId'"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"a\":1,\"a\":2}}", "body",
            "duplicate field 'a'"),
        Arguments.of("batch", "{\"batch\":[{" + ok + ",\"type\":\"track\",\"type\":\"page\"}]}",
            "body", "duplicate field 'type'"),
        Arguments.of("batch", "{\"batch\":[],\"batch\":[]}", "body", "duplicate field 'batch'"),
        Arguments.of("track", "{" + ok + ",\"properties\":\"str\"}", "properties",
            "expected a JSON object, got string"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"rating\":{\"v\":1}}}",
            "properties.rating", "expected a number, got object"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"rating\":\"great\"}}",
            "properties.rating", "'great' is not a number"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"rating\":1000}}",
            "properties.rating", "out of range"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"text\":42}}",
            "properties.text", "expected a string, got number"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"currency\":\"dollars\"}}",
            "properties.currency", "ISO 4217"),
        Arguments.of("track", "{" + ok + ",\"properties\":{\"channel\":\"Call Center\"}}",
            "properties.channel", "not a channel name"),
        Arguments.of("track", "{" + ok + ",\"context\":[1]}", "context",
            "expected a JSON object, got array"),
        Arguments.of("track", "{" + ok + ",\"traits\":true}", "traits",
            "expected a JSON object, got boolean"),
        Arguments.of("track", "{\"event\":\"E\"}", "userId",
            "needs a userId or an anonymousId"),
        Arguments.of("track", "{\"userId\":\"\",\"event\":\"E\"}", "userId", "must not be empty"),
        Arguments.of("track", "{\"userId\":{\"id\":1},\"event\":\"E\"}", "userId",
            "expected a string (or integer) id, got object"),
        Arguments.of("track", "{\"anonymousId\":[\"a\"],\"event\":\"E\"}", "anonymousId",
            "got array"),
        Arguments.of("track", "{\"userId\":\"u\"}", "event", "needs the event name"),
        Arguments.of("track", "{" + ok + ",\"messageId\":\"" + "x".repeat(600) + "\"}",
            "messageId", "at most 512"),
        Arguments.of("track", "{" + ok + ",\"timestamp\":\"yesterday\"}", "timestamp",
            "'yesterday' is not an ISO-8601 date-time"),
        Arguments.of("track", "{" + ok + ",\"timestamp\":\"2024-13-45T99:00:00Z\"}",
            "timestamp", "is not an ISO-8601 date-time"),
        Arguments.of("track", "{" + ok + ",\"timestamp\":1700000000000}", "timestamp",
            "expected an ISO-8601 date-time string"),
        Arguments.of("track", "{" + ok + ",\"timestamp\":\"1970-01-01T00:00:00Z\"}",
            "timestamp", "is absurd"),
        Arguments.of("track", "{" + ok + ",\"timestamp\":\"2999-01-01T00:00:00Z\"}",
            "timestamp", "is absurd"),
        Arguments.of("track", "{" + ok + ",\"originalTimestamp\":\"2020-01-01T00:00:00Z\","
            + "\"sentAt\":\"1990-01-01T00:00:00Z\"}", "originalTimestamp", "is absurd"),
        Arguments.of("track", "{" + ok + ",\"sentAt\":\"soon\"}", "sentAt",
            "is not an ISO-8601 date-time"),
        Arguments.of("group", "{\"userId\":\"u\"}", "groupId", "needs a groupId"),
        Arguments.of("alias", "{\"userId\":\"u\"}", "previousId", "needs both previousId"),
        Arguments.of("alias", "{\"anonymousId\":\"a\",\"previousId\":\"p\"}", "userId",
            "needs both previousId and userId"),
        Arguments.of("batch", "{}", "batch", "missing"),
        Arguments.of("batch", "{\"batch\":{}}", "batch", "expected an array of messages, got object"),
        Arguments.of("batch", "{\"batch\":[" + "{" + ok + ",\"type\":\"track\"}],\"context\":1}",
            "context", "expected an object"),
        Arguments.of("batch", "{\"batch\":[7]}", "batch[0]", "expected a message object"),
        Arguments.of("batch", "{\"batch\":[{" + ok + "}]}", "batch[0].type", "missing"),
        Arguments.of("batch", "{\"batch\":[{" + ok + ",\"type\":\"click\"}]}", "batch[0].type",
            "'click' is not one of"),
        Arguments.of("import", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
            + "\"properties\":{\"rating\":{}}}]}", "batch[0].properties.rating",
            "expected a number, got object"));
  }

  @ParameterizedTest(name = "[{index}] {0} {2}: {3}")
  @MethodSource("badBodies")
  void post_badBody_isRefusedNamingFieldAndReason(String endpoint, String body, String field,
      String reason) {
    var reply = api.post("/v1/" + endpoint, body);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("success").asBoolean()).isFalse();
    assertThat(reply.json().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(reply.json().at("/error/field").asText()).isEqualTo(field);
    assertThat(reply.json().at("/error/message").asText()).contains(reason);
  }

  @Test
  void post_missingWriteKey_is401NamingWriteKey() {
    var reply = api.postWithoutKey("/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}");
    assertUnauthorized(reply, "writeKey", "no write key");
  }

  @Test
  void post_unknownBasicKey_is401() {
    var reply = api.postWithKey("/v1/track", "itk_not-a-key",
        "{\"userId\":\"u\",\"event\":\"E\"}");
    assertUnauthorized(reply, "writeKey", "unknown write key");
  }

  @Test
  void post_unknownBodyKey_is401() {
    var reply = api.postWithoutKey("/v1/batch", "{\"writeKey\":\"itk_nope\",\"batch\":[{"
        + "\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}]}");
    assertUnauthorized(reply, "writeKey", "unknown write key");
  }

  @Test
  void post_basicCredentialsNotBase64_is401NamingAuthorization() {
    var reply = api.postRaw("/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}".getBytes(
        StandardCharsets.UTF_8), "Authorization", "Basic !!!not base64!!!");
    assertUnauthorized(reply, "Authorization", "base64");
  }

  @Test
  void post_unknownKeyWithMalformedBody_isStill401() {
    var reply = api.postWithKey("/v1/track", "wrong", "{not json");
    assertUnauthorized(reply, "writeKey", "unknown write key");
  }

  private static void assertUnauthorized(CollectServer.Reply reply, String field, String reason) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(401);
    assertThat(reply.json().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(reply.json().at("/error/field").asText()).isEqualTo(field);
    assertThat(reply.json().at("/error/message").asText()).contains(reason);
  }

  @Test
  void post_messageOver32KB_is413() {
    String body = "{\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"blob\":\""
        + "x".repeat(33 * 1024) + "\"}}";
    var reply = api.post("/v1/track", body);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(413);
    assertThat(reply.json().at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(reply.json().at("/error/field").asText()).isEqualTo("body");
    assertThat(reply.json().at("/error/message").asText()).contains("32 KB");
  }

  @Test
  void batch_itemOver32KB_isRefusedByIndex() {
    String big = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":"
        + "{\"blob\":\"" + "x".repeat(33 * 1024) + "\"}}";
    var reply = api.post("/v1/batch", "{\"batch\":[" + big + "]}");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    assertThat(reply.json().at("/errors/0/index").asInt()).isZero();
    assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("batch[0]");
    assertThat(reply.json().at("/errors/0/message").asText()).contains("32 KB");
  }

  @Test
  void batch_over500KB_is413AndStoresNothing() {
    StringBuilder sb = new StringBuilder("{\"batch\":[");
    String pad = "p".repeat(10_000);
    for (int i = 0; i < 60; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
          + "\"messageId\":\"big-").append(i).append("\",\"properties\":{\"pad\":\"")
          .append(pad).append("\"}}");
    }
    var reply = api.post("/v1/batch", sb.append("]}").toString());
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(413);
    assertThat(reply.json().at("/error/field").asText()).isEqualTo("body");
    assertThat(reply.json().at("/error/message").asText()).contains("500 KB");
  }

  @Test
  void batch_over500KBAfterGunzip_is413() {
    StringBuilder sb = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 60; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
          + "\"properties\":{\"pad\":\"").append("z".repeat(10_000)).append("\"}}");
    }
    byte[] zipped = CollectServer.gzip(sb.append("]}").toString());
    assertThat(zipped.length).isLessThan(50 * 1024);
    var reply = api.postBytes("/v1/batch", zipped, "Content-Encoding", "gzip");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(413);
    assertThat(reply.json().at("/error/message").asText()).contains("500 KB");
  }

  @Test
  void batch_over2500Events_is413AndStoresNothing() {
    StringBuilder sb = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 2_501; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}");
    }
    var reply = api.post("/v1/batch", sb.append("]}").toString());
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(413);
    assertThat(reply.json().at("/error/field").asText()).isEqualTo("batch");
    assertThat(reply.json().at("/error/message").asText()).contains("2501").contains("2500");
  }

  @Test
  void post_gzipHeaderOnPlainBody_is400() {
    var reply = api.postBytes("/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}".getBytes(
        StandardCharsets.UTF_8), "Content-Encoding", "gzip");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    assertThat(reply.json().at("/error/field").asText()).isEqualTo("body");
    assertThat(reply.json().at("/error/message").asText()).containsIgnoringCase("gzip");
  }

  @Test
  void post_unknownEndpoint_is404Json() {
    var reply = api.post("/v1/click", "{\"userId\":\"u\"}");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().at("/error/field").asText()).isEqualTo("path");
  }
}
