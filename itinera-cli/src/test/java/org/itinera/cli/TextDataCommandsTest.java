package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.itinera.ItineraException;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code itinera text backfill}, {@code topics} and {@code train --data} against a real store
 * whose texts were stored unscored (as by {@code import --no-text-analytics}): 24 customers
 * complain about delivery in support chats, 24 others review the product with stars, and the
 * reviewers' slang (떡상 good, 쏘쏘 bad) is something only their ratings can teach.
 */
class TextDataCommandsTest {
  private static final long T = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final long DAY = 86_400_000L;
  private static final String[] COMPLAINTS = {
      "배송이 너무 늦어요 짜증나", "배송이 일주일째 안 와요 화나요", "배송 지연 때문에 너무 불편해요",
      "배송이 늦어서 실망했어요"};

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private int texts;

  @BeforeEach
  void fill() {
    // Plain SQL rather than the Ingestor, which keeps the database open read-write in this JVM.
    try (Store store = Store.open(dir);
        PreparedStatement s = store.connection().prepareStatement("INSERT INTO events (seq,"
            + " event_id, customer_id, user_id, ts, received_at, type, name, channel, text,"
            + " rating) VALUES (?, ?, ?, ?, epoch_ms(?::BIGINT), epoch_ms(?::BIGINT), ?, ?, ?,"
            + " ?, ?)")) {
      long seq = 0;
      for (int i = 0; i < 24; i++) {
        String c = "c" + i;
        seq = add(s, seq, c, T + i * DAY, "ticket", "Ticket Opened", "chat",
            COMPLAINTS[i % COMPLAINTS.length] + " (" + i + ")", null);
        if (i < 6) {
          seq = add(s, seq, c, T + (i + 1) * DAY, "track", "Order Completed", "web", null, null);
        }
      }
      for (int i = 0; i < 24; i++) {
        String d = "d" + i;
        boolean good = i % 2 == 0;
        seq = add(s, seq, d, T + i * DAY, "review", "Review Submitted", "review",
            (good ? "이 원피스 완전 떡상 " : "이 원피스 완전 쏘쏘 ") + "#" + i, good ? 5.0 : 1.0);
        seq = add(s, seq, d, T + (i + 1) * DAY, "track", "Order Completed", "web", null, null);
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    texts = 48;
  }

  private static long add(PreparedStatement s, long seq, String user, long ts, String type,
      String name, String channel, String text, Double rating) throws SQLException {
    s.setLong(1, seq);
    s.setString(2, "e" + seq);
    s.setString(3, user);
    s.setString(4, user);
    s.setLong(5, ts);
    s.setLong(6, ts);
    s.setString(7, type);
    s.setString(8, name);
    s.setString(9, channel);
    s.setString(10, text);
    s.setObject(11, rating);
    s.addBatch();
    return seq + 1;
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = Main.configure(new CommandLine(new TextCommand()));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private long scored() throws SQLException {
    try (Store store = Store.openReadOnly(dir); Statement st = store.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM events WHERE text IS NOT NULL"
            + " AND lang IS NOT NULL AND sentiment IS NOT NULL AND emotion IS NOT NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void backfill_scoresEveryStoredTextOnceAndIsIdempotent() throws Exception {
    assertThat(scored()).isZero();
    assertThat(run("backfill", "--data", dir.toString(), "--batch", "10")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("re-scored " + texts + " texts")
        .contains("; " + texts + " changed");
    assertThat(err.toString()).contains("re-scored 10 of " + texts + " texts")
        .contains("re-scored " + texts + " of " + texts + " texts (100%)");
    assertThat(scored()).isEqualTo(texts);
    assertThat(run("backfill", "--data", dir.toString(), "--quiet")).isZero();
    assertThat(out.toString()).contains("re-scored " + texts + " texts").contains("; 0 changed");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void backfill_withoutAStore_saysSo() {
    assertThat(run("backfill", "--data", dir.resolve("nothing").toString())).isEqualTo(
        new ItineraException(org.itinera.ErrorCode.NOT_FOUND, "x").exitCode());
    assertThat(err.toString()).contains("no Itinera store");
  }

  @Test
  void topics_findTheDeliveryThemeLocallyAndThroughTheServer() throws Exception {
    assertThat(run("backfill", "--data", dir.toString(), "--quiet")).isZero();
    assertThat(run("topics", "--data", dir.toString(), "--json")).as(err.toString()).isZero();
    JsonNode local = new ObjectMapper().readTree(out.toString());
    assertThat(local.path("texts").asInt()).isEqualTo(texts);
    assertThat(local.path("outcome").asText()).isEqualTo("conversion");
    JsonNode delivery = null;
    for (JsonNode t : local.path("themes")) {
      if (t.path("terms").toString().contains("\"배송\"")) {
        delivery = t;
      }
    }
    assertThat(delivery).as(local.toString()).isNotNull();
    assertThat(delivery.path("customers").asInt()).isEqualTo(24);
    assertThat(delivery.path("outcome").path("rateMentioning").asDouble()).isEqualTo(6 / 24.0);
    assertThat(delivery.path("outcome").path("rateOthers").asDouble()).isEqualTo(1.0);
    assertThat(delivery.path("quotes")).hasSize(3);

    assertThat(run("topics", "--data", dir.toString(), "--stage", "advocacy", "--json"))
        .isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).path("texts").asInt()).isEqualTo(24);
    assertThat(run("topics", "--data", dir.toString(), "--stage", "checkout")).isEqualTo(2);
    assertThat(err.toString()).contains("stage: ").contains("retention");

    assertThat(run("topics", "--data", dir.toString(), "--channel", "chat")).isZero();
    assertThat(out.toString()).startsWith("24 texts by 24 customers").contains("배송")
        .contains("\"배송");

    ServeCommand.Running server = ServeCommand.Running.start(dir, "127.0.0.1", 0);
    try {
      assertThat(run("topics", "--data", dir.toString(), "--server", server.server.url(),
          "--token", server.server.token().value(), "--json")).as(err.toString()).isZero();
      assertThat(new ObjectMapper().readTree(out.toString())).isEqualTo(local);
      assertThat(run("topics", "--server", server.server.url(), "--token",
          server.server.token().value(), "--since", "2026-01-01T10:00:00Z")).isEqualTo(2);
      assertThat(err.toString()).contains("with --server, --since takes a date");
    } finally {
      server.stop();
    }
  }

  @Test
  void trainData_learnsTheReviewersSlangFromTheirStars() throws Exception {
    Path csv = Files.writeString(dir.resolve("extra.csv"),
        "text,label\n\"사은품이 떡상, 최고\",positive\n\"포장이 쏘쏘, 별로\",negative\n");
    assertThat(run("train", "--data", dir.toString(), "--from", csv.toString()))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("read 24 rated texts from")
        .contains("24 by stars or CSAT, 0 by NPS").contains("held-out accuracy on")
        .contains("text backfill --data");
    Path model = TextAnalyzer.modelOf(dir);
    assertThat(model).exists();
    String slang = "완전 쏘쏘";
    double shipped = TextAnalyzer.load().analyze(slang).score();
    double mine = TextAnalyzer.forDataDir(dir).analyze(slang).score();
    assertThat(mine).isLessThan(shipped);
    assertThat(TextAnalyzer.forDataDir(dir).analyze("완전 떡상").score())
        .isGreaterThan(TextAnalyzer.load().analyze("완전 떡상").score());
  }

  @Test
  void train_withNothingToLearnFrom_isRefused() {
    assertThat(run("train")).isEqualTo(2);
    assertThat(err.toString()).contains("give --from FILE... or --data DIR");
  }

  @Test
  void trainCsv_readsQuotedFieldsAndSkipsTheHeader() throws Exception {
    Path csv = Files.writeString(dir.resolve("l.csv"), "text,label\n\"좋아요, 최고\",positive\n"
        + "\"별로예요,\n다시는 안 사요\",negative\n");
    List<org.itinera.text.LabelledText> rows = LabelledFiles.read(csv, false);
    assertThat(rows).extracting(org.itinera.text.LabelledText::text)
        .containsExactly("좋아요, 최고", "별로예요,\n다시는 안 사요");
    assertThat(rows).extracting(r -> r.label().code()).containsExactly("positive", "negative");
  }
}
