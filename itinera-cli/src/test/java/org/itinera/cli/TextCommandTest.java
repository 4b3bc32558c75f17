package org.itinera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TextCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    CommandLine cl = Main.configure(new CommandLine(new TextCommand(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void sentimentJson_oneObjectPerInputLine() throws Exception {
    int code = run("배송이 너무 늦어요 짜증나\nThank you, great service!\n\n", "sentiment", "--json");
    assertThat(code).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(3);
    JsonNode ko = new ObjectMapper().readTree(lines[0]);
    assertThat(ko.get("lang").asText()).isEqualTo("ko");
    assertThat(ko.get("label").asText()).isEqualTo("negative");
    assertThat(ko.get("score").asDouble()).isLessThan(0);
    assertThat(ko.get("emotion").asText()).isEqualTo("frustration");
    JsonNode en = new ObjectMapper().readTree(lines[1]);
    assertThat(en.get("label").asText()).isEqualTo("positive");
    assertThat(new ObjectMapper().readTree(lines[2]).get("lang").asText()).isEqualTo("other");
  }

  @Test
  void sentimentTsv_echoesTheText() {
    assertThat(run("최고예요\n", "sentiment")).isZero();
    assertThat(out.toString().trim()).startsWith("positive\t").endsWith("\tko\t최고예요");
  }

  @Test
  void train_fromFiles_writesAModelThatSentimentCanUse(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      lines.add("정말 좋아요 " + i + "\tpositive");
      lines.add("너무 싫어요 " + i + "\tnegative");
      lines.add("언제 오나요 " + i + "\tneutral");
    }
    Path data = Files.write(dir.resolve("train.tsv"), lines);
    Path model = dir.resolve("model.bin.gz");
    assertThat(run("", "train", "--from", data.toString(), "--out", model.toString(),
        "--test", data.toString())).isZero();
    assertThat(out.toString()).contains("training on 45 labelled texts").contains("accuracy on");
    assertThat(model).exists();

    out.getBuffer().setLength(0);
    assertThat(run("좋아요\n", "sentiment", "--model", model.toString())).isZero();
    assertThat(out.toString()).startsWith("positive\t");
  }

  @Test
  void trainAdapt_startsFromTheShippedModel(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add("사은품 떡상 " + i + "\tpositive");
      lines.add("사은품 쏘쏘 " + i + "\tnegative");
    }
    Path data = Files.write(dir.resolve("mine.tsv"), lines);
    Path model = dir.resolve("adapted.bin.gz");
    assertThat(run("", "train", "--adapt", "--from", data.toString(), "--out", model.toString()))
        .isZero();
    assertThat(out.toString()).contains("adapted in");
    out.getBuffer().setLength(0);
    // The shipped model's knowledge is still there: a text unlike the new data.
    assertThat(run("Worst service ever, I want a refund\n", "sentiment", "--model",
        model.toString())).isZero();
    assertThat(out.toString()).startsWith("negative\t");
  }

  @Test
  void train_baseWithoutAdapt_isRefused(@TempDir Path dir) throws Exception {
    Path data = Files.write(dir.resolve("d.tsv"), List.of("good\tpositive"));
    assertThat(run("", "train", "--from", data.toString(), "--base", "x.bin.gz")).isEqualTo(2);
    assertThat(err.toString()).contains("--base x.bin.gz was given without --adapt");
  }

  @Test
  void train_badLine_failsNamingFileAndLine(@TempDir Path dir) throws Exception {
    Path data = Files.write(dir.resolve("bad.tsv"), List.of("good\tpositive", "no label here"));
    int code = run("", "train", "--from", data.toString(), "--out", dir.resolve("m").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("bad.tsv line 2");
  }

  @Test
  void train_binaryLabels_mapZeroToNegative(@TempDir Path dir) throws Exception {
    Path data = Files.write(dir.resolve("uci.tsv"), List.of("awful\t0", "lovely\t1", "meh\t2"));
    int code = run("", "train", "--binary", "--from", data.toString(), "--out",
        dir.resolve("m").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("uci.tsv line 3").contains("expected 0 or 1");
  }
}
