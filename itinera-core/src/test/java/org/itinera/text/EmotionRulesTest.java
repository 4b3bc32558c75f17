package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmotionRulesTest {
  private static final EmotionRules RULES = EmotionRules.fromClasspath();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "배송이 왜 이렇게 늦어요 짜증나|KO|NEGATIVE|-0.9|FRUSTRATION",
      "혹시 분실된 건 아닐까 걱정돼요|KO|NEGATIVE|-0.5|ANXIETY",
      "기대했는데 좀 아쉽네요|KO|NEGATIVE|-0.4|DISAPPOINTMENT",
      "주문 언제 와요?|KO|NEGATIVE|-0.3|ANXIETY",
      "그냥 별로|KO|NEGATIVE|-0.9|DISAPPOINTMENT",
      "최고예요|KO|POSITIVE|0.9|JOY",
      "영업시간 알려주세요|KO|NEUTRAL|0.0|NEUTRAL",
      "I'm worried my parcel is lost|EN|NEUTRAL|-0.1|ANXIETY",
      "This is ridiculous, fix it|EN|NEGATIVE|-0.9|FRUSTRATION",
      "Whatever you say|EN|NEGATIVE|-0.5|DISAPPOINTMENT",
      "Sadly it broke|EN|NEGATIVE|-0.5|DISAPPOINTMENT"})
  void emotion_cuesAndSentiment_giveCategory(String text, Lang lang, SentimentLabel label,
      double score, Emotion expected) {
    StringBuilder norm = new StringBuilder();
    FeatureHasher.normalise(text, norm);
    assertThat(RULES.emotion(norm, lang, label, score)).isEqualTo(expected);
  }
}
