package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = TextAnalyzer.load();

  @Test
  void analyze_koreanComplaint_isNegativeWithTopics() {
    TextAnalysis a = analyzer.analyze("배송이 너무 느려요. 일주일째 안 오네요 짜증나");
    assertThat(a.lang()).isEqualTo(Lang.KO);
    assertThat(a.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(a.score()).isLessThan(0);
    assertThat(a.emotion()).isEqualTo(Emotion.FRUSTRATION);
    assertThat(a.topics()).contains("배송", "배송 느리다");
  }

  @Test
  void analyze_englishPraise_isPositiveJoy() {
    TextAnalysis a = analyzer.analyze("The support agent was wonderful, thank you so much!");
    assertThat(a.lang()).isEqualTo(Lang.EN);
    assertThat(a.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(a.emotion()).isEqualTo(Emotion.JOY);
    assertThat(a.topics()).contains("support agent");
  }

  @Test
  void analysis_serialisesWithStoredCodes() throws Exception {
    String json = new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(analyzer.analyze("배송이 너무 느려요 짜증나"));
    assertThat(json).contains("\"lang\":\"ko\"").contains("\"label\":\"negative\"")
        .contains("\"emotion\":\"frustration\"");
  }

  @Test
  void analyze_negation_flipsEnglishPolarity() {
    double good = analyzer.analyze("The food was good.").score();
    double notGood = analyzer.analyze("The food was not good.").score();
    assertThat(good).isGreaterThan(0);
    assertThat(notGood).isLessThan(0);
  }

  @Test
  void analyze_question_isNeutral() {
    assertThat(analyzer.analyze("영업시간이 몇 시까지인가요?").label())
        .isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(analyzer.analyze("What is your return address?").label())
        .isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void analyze_otherLanguageOrEmpty_isNeutralOther() {
    for (String text : List.of("", "   ", "これは日本語です", "12345 !!!")) {
      TextAnalysis a = analyzer.analyze(text);
      assertThat(a.lang()).as(text).isEqualTo(Lang.OTHER);
      assertThat(a.score()).isZero();
      assertThat(a.label()).isEqualTo(SentimentLabel.NEUTRAL);
      assertThat(a.emotion()).isEqualTo(Emotion.NEUTRAL);
    }
  }

  @Test
  void analyze_null_isRejectedNamingTheField() {
    assertThatThrownBy(() -> analyzer.analyze(null))
        .isInstanceOfSatisfying(ItineraException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
          assertThat(e.field()).isEqualTo("text");
        });
  }

  @Test
  void analyze_veryLongText_staysBounded() {
    String text = "배송이 느려요 ".repeat(5_000);
    TextAnalysis a = analyzer.analyze(text);
    assertThat(a.topics()).hasSizeLessThanOrEqualTo(TextAnalyzer.MAX_TOPICS);
    assertThat(a.score()).isBetween(-1.0, 1.0);
  }

  @Test
  void analyze_concurrentCallers_getTheSameAnswersAsOneCaller() throws Exception {
    List<String> texts = new ArrayList<>();
    for (LabelledSets.Row r : LabelledSets.read("cs-ko.tsv")) {
      texts.add(r.text());
    }
    for (LabelledSets.Row r : LabelledSets.read("cs-en.tsv")) {
      texts.add(r.text());
    }
    List<TextAnalysis> sequential = texts.stream().map(analyzer::analyze).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<TextAnalysis>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> texts.stream().map(analyzer::analyze).toList()));
      }
      for (Future<List<TextAnalysis>> run : runs) {
        assertThat(run.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void enrich_eventWithText_getsTheAnalysis() {
    Event e = new Event("m1", null, "a1", null, 0, 0, "track", "Ticket Opened", "chat", null,
        null, null, null, "환불이 아직도 안 됐어요 화나요", null, null, null, null, null, null, null);
    Event enriched = analyzer.enrich(e);
    TextAnalysis a = analyzer.analyze(e.text());
    assertThat(enriched.lang()).isEqualTo("ko");
    assertThat(enriched.sentiment()).isEqualTo(a.score());
    assertThat(enriched.emotion()).isEqualTo(a.emotion().code());
    assertThat(enriched.topics()).isEqualTo(a.topics()).contains("환불");
    Event page = new Event("m2", null, "a1", null, 0, 0, "page", null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
    assertThat(analyzer.enrich(page)).isSameAs(page);
  }

  @Test
  void train_smallData_learnsAndRoundTripsThroughAFile(@TempDir Path dir) {
    List<LabelledText> data = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      data.add(new LabelledText("정말 좋아요 최고 " + i, SentimentLabel.POSITIVE, 1, "t"));
      data.add(new LabelledText("너무 별로예요 최악 " + i, SentimentLabel.NEGATIVE, 1, "t"));
      data.add(new LabelledText("loved it, great " + i, SentimentLabel.POSITIVE, 1, "t"));
      data.add(new LabelledText("awful, hated it " + i, SentimentLabel.NEGATIVE, 1, "t"));
      data.add(new LabelledText("배송 언제 되나요 " + i, SentimentLabel.NEUTRAL, 1, "t"));
    }
    TextAnalyzer trained = TextAnalyzer.train(data, TrainOptions.defaults());
    assertThat(trained.analyze("최고 좋아요").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(trained.analyze("최악 별로").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(trained.analyze("great, loved").score()).isGreaterThan(0);

    Path file = dir.resolve("m/model.bin.gz");
    trained.save(file);
    TextAnalyzer loaded = TextAnalyzer.load(file);
    for (String t : List.of("최고 좋아요", "awful", "배송 언제", "so-so")) {
      assertThat(loaded.analyze(t)).isEqualTo(trained.analyze(t));
    }
  }

  @Test
  void train_sameDataAndSeed_writesIdenticalModels(@TempDir Path dir) throws Exception {
    List<LabelledText> data = List.of(
        new LabelledText("좋아요", SentimentLabel.POSITIVE),
        new LabelledText("싫어요", SentimentLabel.NEGATIVE),
        new LabelledText("good", SentimentLabel.POSITIVE),
        new LabelledText("bad", SentimentLabel.NEGATIVE));
    TextAnalyzer.train(data, TrainOptions.defaults()).save(dir.resolve("a"));
    TextAnalyzer.train(data, TrainOptions.defaults()).save(dir.resolve("b"));
    assertThat(Files.readAllBytes(dir.resolve("a"))).isEqualTo(Files.readAllBytes(dir.resolve("b")));
  }

  @Test
  void train_onlyBinaryLabels_usesTheNeutralBand() {
    List<LabelledText> data = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      data.add(new LabelledText("excellent wonderful " + i, SentimentLabel.POSITIVE));
      data.add(new LabelledText("dreadful horrible " + i, SentimentLabel.NEGATIVE));
    }
    TextAnalyzer trained = TextAnalyzer.train(data, TrainOptions.defaults());
    TextAnalysis unknown = trained.analyze("zebra");
    assertThat(Math.abs(unknown.score())).isLessThan(TextAnalyzer.NEUTRAL_BAND);
    assertThat(unknown.label()).isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void train_noData_isRefused() {
    assertThatThrownBy(() -> TextAnalyzer.train(List.of(), TrainOptions.defaults()))
        .isInstanceOf(ItineraException.class).hasMessageContaining("no training texts");
  }

  @Test
  void load_missingFile_isNotFound(@TempDir Path dir) {
    assertThatThrownBy(() -> TextAnalyzer.load(dir.resolve("nope.bin.gz")))
        .isInstanceOfSatisfying(ItineraException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void load_notAModel_isRefusedWithAReason(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("junk.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("not a model at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> TextAnalyzer.load(file))
        .isInstanceOf(ItineraException.class).hasMessageContaining("not an Itinera sentiment model");
  }
}
