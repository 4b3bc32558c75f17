package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the shipped model on the committed held-out sets and prints each figure next to a
 * majority-class and a lexicon-only baseline. Floors sit just under the measured figures
 * (docs/TEXT.md), so a model change that loses accuracy fails the build.
 *
 * <p>Binary sets (NSMC, English reviews) are judged on the sign of the score, the polarity
 * decision; the customer-service sets on the three-way label and on the emotion.
 */
class SentimentEvaluationTest {
  private static TextAnalyzer analyzer;
  private static LexiconBaseline lexicon;

  @BeforeAll
  static void load() {
    analyzer = TextAnalyzer.load();
    lexicon = new LexiconBaseline();
  }

  @Test
  void nsmcHeldOut_accuracyAboveFloor() {
    Scores model = binary("nsmc-test.tsv", "Korean NSMC held-out");
    assertThat(model.accuracy()).isGreaterThanOrEqualTo(0.875);
    assertThat(model.macroF1()).isGreaterThanOrEqualTo(0.875);
  }

  @Test
  void englishHeldOut_accuracyAboveFloor() {
    Scores model = binary("en-test.tsv", "English MR + UCI held-out");
    assertThat(model.accuracy()).isGreaterThanOrEqualTo(0.80);
    assertThat(model.macroF1()).isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void customerServiceKorean_threeWayAccuracyAboveFloor() {
    Scores model = threeWay("cs-ko.tsv", "Korean customer service");
    assertThat(model.accuracy()).isGreaterThanOrEqualTo(0.88);
    assertThat(model.macroF1()).isGreaterThanOrEqualTo(0.88);
  }

  @Test
  void customerServiceEnglish_threeWayAccuracyAboveFloor() {
    Scores model = threeWay("cs-en.tsv", "English customer service");
    assertThat(model.accuracy()).isGreaterThanOrEqualTo(0.84);
    assertThat(model.macroF1()).isGreaterThanOrEqualTo(0.84);
  }

  @Test
  void customerServiceLateSets_threeWayAccuracyAboveFloor() {
    Scores ko = threeWay("cs-ko-late.tsv", "Korean customer service (late set)");
    Scores en = threeWay("cs-en-late.tsv", "English customer service (late set)");
    assertThat(ko.accuracy()).isGreaterThanOrEqualTo(0.87);
    assertThat(en.accuracy()).isGreaterThanOrEqualTo(0.89);
  }

  @Test
  void emotion_accuracyAboveFloor() {
    List<LabelledSets.Row> rows = new ArrayList<>(LabelledSets.read("cs-ko.tsv"));
    rows.addAll(LabelledSets.read("cs-en.tsv"));
    Scores model = score(rows, r -> analyzer.analyze(r.text()).emotion().ordinal(),
        r -> r.emotion().ordinal());
    Scores majority = score(rows, r -> majority(rows, x -> x.emotion().ordinal()),
        r -> r.emotion().ordinal());
    Scores lex = score(rows, r -> lexicon.emotion(r.text()).ordinal(), r -> r.emotion().ordinal());
    report("Emotion, cs-ko + cs-en", rows.size(), model, majority, lex);
    assertThat(model.accuracy()).isGreaterThanOrEqualTo(0.87);
    assertThat(model.macroF1()).isGreaterThanOrEqualTo(0.87);

    List<LabelledSets.Row> late = new ArrayList<>(LabelledSets.read("cs-ko-late.tsv"));
    late.addAll(LabelledSets.read("cs-en-late.tsv"));
    Scores lateModel = score(late, r -> analyzer.analyze(r.text()).emotion().ordinal(),
        r -> r.emotion().ordinal());
    report("Emotion, late sets", late.size(), lateModel,
        score(late, r -> majority(late, x -> x.emotion().ordinal()), r -> r.emotion().ordinal()),
        score(late, r -> lexicon.emotion(r.text()).ordinal(), r -> r.emotion().ordinal()));
    assertThat(lateModel.accuracy()).isGreaterThanOrEqualTo(0.79);
  }

  @Test
  void customerServiceTrainingFiles_shareNoTextWithEvaluationSets() throws IOException {
    Set<String> evaluation = new HashSet<>();
    for (String set : List.of("cs-ko.tsv", "cs-en.tsv", "cs-ko-late.tsv", "cs-en-late.tsv",
        "nsmc-test.tsv", "en-test.tsv")) {
      for (LabelledSets.Row r : LabelledSets.read(set)) {
        evaluation.add(key(r.text()));
      }
    }
    List<String> overlaps = new ArrayList<>();
    try (var files = Files.list(Path.of("data/text"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] cols = line.split("\t");
          if (!line.startsWith("#") && evaluation.contains(key(cols[cols.length - 1]))) {
            overlaps.add(f.getFileName() + ": " + line);
          }
        }
      }
    }
    assertThat(overlaps).isEmpty();
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private Scores binary(String set, String title) {
    List<LabelledSets.Row> rows = LabelledSets.read(set);
    Function<LabelledSets.Row, Integer> gold = r -> r.label().ordinal();
    int majorityClass = majority(rows, gold);
    Scores model = score(rows, r -> analyzer.analyze(r.text()).score() > 0
        ? SentimentLabel.POSITIVE.ordinal() : SentimentLabel.NEGATIVE.ordinal(), gold);
    Scores majority = score(rows, r -> majorityClass, gold);
    Scores lex = score(rows, r -> lexicon.label(r.text(),
        SentimentLabel.values()[majorityClass]).ordinal(), gold);
    report(title, rows.size(), model, majority, lex);
    return model;
  }

  private Scores threeWay(String set, String title) {
    List<LabelledSets.Row> rows = LabelledSets.read(set);
    Function<LabelledSets.Row, Integer> gold = r -> r.label().ordinal();
    int majorityClass = majority(rows, gold);
    Scores model = score(rows, r -> analyzer.analyze(r.text()).label().ordinal(), gold);
    Scores majority = score(rows, r -> majorityClass, gold);
    Scores lex = score(rows,
        r -> lexicon.label(r.text(), SentimentLabel.NEUTRAL).ordinal(), gold);
    report(title, rows.size(), model, majority, lex);
    return model;
  }

  private static int majority(List<LabelledSets.Row> rows, Function<LabelledSets.Row, Integer> f) {
    int[] counts = new int[8];
    for (LabelledSets.Row r : rows) {
      counts[f.apply(r)]++;
    }
    int best = 0;
    for (int c = 1; c < counts.length; c++) {
      best = counts[c] > counts[best] ? c : best;
    }
    return best;
  }

  private static Scores score(List<LabelledSets.Row> rows,
      Function<LabelledSets.Row, Integer> predict, Function<LabelledSets.Row, Integer> gold) {
    List<Integer> g = new ArrayList<>();
    List<Integer> p = new ArrayList<>();
    for (LabelledSets.Row r : rows) {
      g.add(gold.apply(r));
      p.add(predict.apply(r));
    }
    return Scores.of(g, p);
  }

  private static void report(String title, int n, Scores model, Scores majority, Scores lex) {
    System.out.printf(Locale.ROOT, "%-38s n=%5d | model %s | majority %s | lexicon %s%n", title,
        n, model, majority, lex);
  }
}
