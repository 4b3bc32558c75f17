package org.itinera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextComposerTest {
  private static final TextComposer COMPOSER = new TextComposer();
  private static final String[] TOPICS = {
      "delivery", "payment", "app", "refund", "support", "size", "quality", "price"};
  private static final String[] CATEGORIES = {
      null, "fashion", "beauty", "electronics", "home", "sports", "kids", "food"};

  private static List<TextComposer.Composed> sample(String lang, int n, long seed) {
    Rand r = new Rand(seed);
    List<TextComposer.Composed> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<TextComposer.Aspect> aspects = new ArrayList<>();
      int k = r.between(1, 3);
      for (int a = 0; a < k; a++) {
        aspects.add(new TextComposer.Aspect(r.pick(TOPICS), r.chance(0.5) ? 1 : -1));
      }
      String category = r.pick(CATEGORIES);
      TextComposer.Kind kind = r.pick(TextComposer.Kind.values());
      out.add(COMPOSER.compose(r, lang, kind, aspects,
          new TextComposer.Slots("니트 가디건", "knit cardigan", category, "ORD-00000001-000")));
    }
    return out;
  }

  @Test
  void compose_yieldsHundredsOfDistinctSentencesPerLanguage() {
    for (String lang : new String[] {"ko", "en"}) {
      Set<String> texts = new HashSet<>();
      Set<String> sentences = new HashSet<>();
      for (TextComposer.Composed c : sample(lang, 3_000, 11)) {
        texts.add(c.text());
        for (String s : c.text().split("[.!?~]+\\s*")) {
          if (s.strip().length() > 3) {
            sentences.add(s.strip());
          }
        }
      }
      assertThat(texts).as(lang).hasSizeGreaterThan(2_500);
      assertThat(sentences).as(lang).hasSizeGreaterThan(1_000);
    }
  }

  @Test
  void compose_everyTemplateFillsForEveryCategory() {
    for (String lang : new String[] {"ko", "en"}) {
      PhraseBank bank = COMPOSER.bank(lang);
      Rand r = new Rand(5);
      for (String topic : TOPICS) {
        for (String sign : new String[] {"+", "-"}) {
          assertThat(bank.has(topic + sign)).as(lang + " " + topic + sign).isTrue();
          for (String category : CATEGORIES) {
            assertThat(bank.section(topic + sign, category)).as(topic + sign + " " + category).isNotEmpty();
            for (int i = 0; i < 60; i++) {
              String text = COMPOSER.compose(r, lang, TextComposer.Kind.REVIEW,
                  List.of(new TextComposer.Aspect(topic, sign.equals("+") ? 1 : -1)),
                  new TextComposer.Slots("텀블러", "tumbler", category, null)).text();
              assertThat(text).doesNotContain("{", "}", "@").isNotBlank();
            }
          }
        }
      }
    }
  }

  @Test
  void compose_labelsFollowTheAspects() {
    Rand r = new Rand(3);
    TextComposer.Composed neg = COMPOSER.compose(r, "ko", TextComposer.Kind.TICKET,
        List.of(new TextComposer.Aspect("delivery", -1), new TextComposer.Aspect("general", -1)),
        TextComposer.Slots.NONE);
    assertThat(neg.sentiment()).isEqualTo("negative");
    assertThat(neg.topics()).containsExactly("delivery");
    TextComposer.Composed mixed = COMPOSER.compose(r, "en", TextComposer.Kind.REVIEW,
        List.of(new TextComposer.Aspect("quality", 1), new TextComposer.Aspect("size", -1)),
        TextComposer.Slots.NONE);
    assertThat(mixed.sentiment()).isEqualTo("mixed");
    assertThat(mixed.score()).isZero();
    assertThat(mixed.topics()).containsExactly("quality", "size");
    TextComposer.Composed question = COMPOSER.compose(r, "en", TextComposer.Kind.TICKET,
        List.of(new TextComposer.Aspect("refund", 0)), TextComposer.Slots.NONE);
    assertThat(question.sentiment()).isEqualTo("neutral");
  }

  @Test
  void compose_negationCutsBothWaysSoKeywordsDoNotDecideSentiment() {
    assertNegationBothWays("ko", new String[] {"않", "안 ", "없"}, new String[] {"좋", "빠르", "빨리", "괜찮"});
    assertNegationBothWays("en", new String[] {"n't", "not ", "no ", "nothing"},
        new String[] {"good", "fast", "easy", "great"});
  }

  private static void assertNegationBothWays(String lang, String[] negations, String[] praise) {
    int positives = 0;
    int positivesWithNegation = 0;
    int negatives = 0;
    int negativesWithPraiseWord = 0;
    for (TextComposer.Composed c : sample(lang, 4_000, 17)) {
      String t = c.text().toLowerCase(java.util.Locale.ROOT);
      if (c.sentiment().equals("positive")) {
        positives++;
        positivesWithNegation += containsAny(t, negations) ? 1 : 0;
      } else if (c.sentiment().equals("negative")) {
        negatives++;
        negativesWithPraiseWord += containsAny(t, praise) ? 1 : 0;
      }
    }
    assertThat((double) positivesWithNegation / positives).as(lang + " praise with negation").isGreaterThan(0.08);
    assertThat((double) negativesWithPraiseWord / negatives).as(lang + " complaints with praise words").isGreaterThan(0.05);
  }

  @Test
  void compose_addsEmoticonsSlangAndTypos() {
    List<TextComposer.Composed> ko = sample("ko", 2_000, 23);
    assertThat(ko).anyMatch(c -> c.text().contains("ㅠㅠ") || c.text().contains("ㅜㅜ"));
    assertThat(ko).anyMatch(c -> c.text().contains("ㅎㅎ") || c.text().contains("^^"));
    assertThat(ko).anyMatch(c -> c.text().contains("걍") || c.text().contains("넘 ") || c.text().contains("여."));
    assertThat(ko).anyMatch(c -> c.text().chars().filter(ch -> ch == ' ').count() * 10 < c.text().length()
        && c.text().length() > 20);
    List<TextComposer.Composed> en = sample("en", 2_000, 29);
    assertThat(en).anyMatch(c -> c.text().contains(":(") || c.text().contains("😡"));
    assertThat(en).anyMatch(c -> c.text().contains(" u ") || c.text().contains("pls") || c.text().contains("tho"));
    assertThat(en).anyMatch(c -> c.text().equals(c.text().toLowerCase(java.util.Locale.ROOT)) && c.text().length() > 20);
  }

  @Test
  void compose_sameSeedSameText() {
    assertThat(sample("ko", 50, 99)).isEqualTo(sample("ko", 50, 99));
  }

  private static boolean containsAny(String text, String[] needles) {
    for (String n : needles) {
      if (text.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
