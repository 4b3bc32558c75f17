package org.itinera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhrasesTest {
  private static List<String> phrases(String text) {
    Tokens tokens = new Tokens();
    Morphology.tokenize(text, LanguageDetector.detect(text), tokens);
    return KeyPhrases.extract(text, tokens, TextAnalyzer.MAX_TOPICS);
  }

  @Test
  void extract_koreanNounAndPredicate_givesDictionaryForm() {
    assertThat(phrases("배송이 너무 느려요")).containsExactly("배송", "배송 느리다");
  }

  @Test
  void extract_koreanCompoundNoun_isJoinedBack() {
    assertThat(phrases("고객센터 연결이 안 돼요")).contains("고객센터");
  }

  @Test
  void extract_koreanNegatedPredicate_keepsTheNegation() {
    assertThat(phrases("택배가 안 와요")).contains("택배 안 오다");
    assertThat(phrases("택배가 와요")).contains("택배 오다");
  }

  @Test
  void extract_koreanFillerNouns_areDropped() {
    assertThat(phrases("진짜 그거 때문에 오늘 정말")).isEmpty();
  }

  @Test
  void extract_englishChunks_skipStopAndSentimentWords() {
    assertThat(phrases("The refund requests are taking forever, terrible customer service!"))
        .contains("refund request", "customer service")
        .doesNotContain("terrible", "the");
  }

  @Test
  void extract_repeatedPhrase_appearsOnce() {
    assertThat(phrases("refund refund. refund!")).containsExactly("refund");
  }

  @Test
  void extract_otherLanguage_givesNothing() {
    Tokens tokens = new Tokens();
    Morphology.tokenize("商品が届きません", Lang.OTHER, tokens);
    assertThat(KeyPhrases.extract("商品が届きません", tokens, 8)).isEmpty();
  }
}
