package org.itinera.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/COLLECTION_API.md true: every {@code curl} example in a {@code bash} block is sent,
 * in order, to a real server, and its reply must equal the {@code json} block that follows it.
 */
class DocExamplesTest {
  private static final Path DOC = Path.of("..", "docs", "COLLECTION_API.md");
  private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("\"\\$ITINERA(/v1/[a-z/]+)\"");
  private static final Pattern USER = Pattern.compile("-u \"([^\"]*):\"");

  @Test
  void collectionApiDoc_everyCurlExampleGetsTheReplyShown(@TempDir Path dir) throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int run = 0;
    try (CollectServer api = new CollectServer(dir)) {
      Matcher m = BLOCK.matcher(doc);
      String pending = null;
      while (m.find()) {
        if (m.group(1).equals("bash") && m.group(2).contains("curl ")) {
          assertThat(pending).as("a curl example without a reply after it").isNull();
          pending = m.group(2);
        } else if (m.group(1).equals("json") && pending != null) {
          CollectServer.Reply reply = send(api, pending);
          JsonNode expected = CollectServer.JSON.readTree(m.group(2));
          assertThat(reply.json()).as("reply to:\n%s", pending).isEqualTo(expected);
          if (expected.get("success").asBoolean()) {
            assertThat(reply.status()).isEqualTo(200);
          } else {
            assertThat(reply.status()).isBetween(400, 499);
          }
          pending = null;
          run++;
        }
      }
      assertThat(pending).as("a curl example without a reply after it").isNull();
    }
    assertThat(run).as("examples run").isGreaterThanOrEqualTo(25);
  }

  private static CollectServer.Reply send(CollectServer api, String curl) {
    Matcher path = PATH.matcher(curl);
    assertThat(path.find()).as("no \"$ITINERA/v1/...\" in:\n%s", curl).isTrue();
    int from = curl.indexOf("-d '");
    int to = curl.lastIndexOf('\'');
    assertThat(from).as("no -d '...' body in:\n%s", curl).isPositive();
    String body = curl.substring(from + 4, to).replace("'\"$KEY\"'", api.writeKey);
    Matcher user = USER.matcher(curl);
    if (!user.find()) {
      return api.postWithoutKey(path.group(1), body);
    }
    String key = user.group(1).equals("$KEY") ? api.writeKey : user.group(1);
    return api.postWithKey(path.group(1), key, body);
  }
}
