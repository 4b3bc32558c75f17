package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptationTest {
  private static final TextAnalyzer SHIPPED = TextAnalyzer.load();

  @Test
  void adapt_domainWords_learnsThemAndKeepsGeneralAccuracy() {
    // "쏘쏘" and "떡상" as this user's customers use them: so-so (negative) and skyrocketing
    // (positive). Four shapes each, with the words in new contexts.
    List<LabelledText> data = new ArrayList<>();
    String[] contexts = {"이번 신상 %s", "배송 후기: %s", "%s 이네요", "사은품 %s"};
    for (int i = 0; i < 40; i++) {
      String c = contexts[i % contexts.length];
      data.add(new LabelledText(String.format(c, "쏘쏘") + " " + i, SentimentLabel.NEGATIVE, 1,
          "mine"));
      data.add(new LabelledText(String.format(c, "떡상") + " " + i, SentimentLabel.POSITIVE, 1,
          "mine"));
    }
    TextAnalyzer adapted = SHIPPED.adapt(data, TrainOptions.forAdapting());

    assertThat(adapted.analyze("포장 쏘쏘").score())
        .isLessThan(SHIPPED.analyze("포장 쏘쏘").score()).isLessThan(0);
    assertThat(adapted.analyze("포장 떡상").score())
        .isGreaterThan(SHIPPED.analyze("포장 떡상").score()).isGreaterThan(0);

    int correct = 0;
    List<LabelledSets.Row> nsmc = LabelledSets.read("nsmc-test.tsv").subList(0, 1_000);
    for (LabelledSets.Row r : nsmc) {
      boolean positive = adapted.analyze(r.text()).score() > 0;
      correct += positive == (r.label() == SentimentLabel.POSITIVE) ? 1 : 0;
    }
    assertThat(correct / 1_000.0).isGreaterThan(0.86);
  }

  @Test
  void adapt_binaryData_keepsTheNeutralHead() {
    List<LabelledText> data = List.of(
        new LabelledText("쏘쏘", SentimentLabel.NEGATIVE),
        new LabelledText("떡상", SentimentLabel.POSITIVE));
    TextAnalyzer adapted = SHIPPED.adapt(data, TrainOptions.forAdapting());
    assertThat(adapted.analyze("영업시간이 몇 시까지인가요?").label())
        .isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void adapt_leavesTheOriginalUnchanged() {
    TextAnalysis before = SHIPPED.analyze("포장 쏘쏘");
    SHIPPED.adapt(List.of(new LabelledText("포장 쏘쏘", SentimentLabel.POSITIVE)),
        TrainOptions.forAdapting());
    assertThat(SHIPPED.analyze("포장 쏘쏘")).isEqualTo(before);
  }
}
