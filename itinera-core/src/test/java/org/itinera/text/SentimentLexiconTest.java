package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentLexiconTest {
  /** Sum of lexicon polarities over a text's tokens, as the feature hasher sees them. */
  private static int polarity(String text) {
    Lang lang = LanguageDetector.detect(text);
    Tokens tokens = new Tokens();
    Morphology.tokenize(text, lang, tokens);
    int sum = 0;
    boolean negated = false;
    for (int i = 0; i < tokens.size; i++) {
      sum += SentimentLexicon.get().polarity(tokens, i, negated);
      negated |= tokens.surface[i].equals("not") || tokens.surface[i].endsWith("n't");
    }
    return sum;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "좋아요|1",
      "좋지 않아요|-1",
      "안 좋아요|-1",
      "불친절해요|-1",
      "불만 없어요|1",
      "실망했어요|-1",
      "I was disappointed|-1",
      "It was not good|-1",
      "The staff were helpful|1",
      "배송 조회는 어디서 하나요|0",
      "Where is my parcel|0"})
  void polarity_wordsAndNegation_giveSign(String text, int expected) {
    assertThat(Integer.signum(polarity(text))).isEqualTo(expected);
  }
}
