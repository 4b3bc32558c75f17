package org.itinera.text.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Compares each theme's statistics with a naive recount over random documents. */
class TopicAnalysisPropertyTest {
  private static final String[] VOCAB = {"late", "refund", "rude", "price", "app", "coupon"};

  @Property(tries = 60)
  void themeStatistics_equalANaiveRecount(
      @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 9999) Integer> seeds) {
    List<TextDoc> docs = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      int s = seeds.get(i);
      List<String> phrases = new ArrayList<>();
      phrases.add(VOCAB[s % VOCAB.length]);
      if (s % 3 == 0) {
        phrases.add(VOCAB[(s / 7) % VOCAB.length]);
      }
      double sentiment = ((s / 11) % 21 - 10) / 10.0;
      Boolean outcome = s % 5 == 0 ? null : s % 2 == 0;
      docs.add(TopicAnalysisTest.doc("c" + (s % 17), phrases, sentiment, s * 3_600_000L, outcome));
    }
    TopicOptions options = new TopicOptions(100, 1, 0, 20, TopicOptions.Granularity.DAY,
        java.time.ZoneId.of("UTC"));
    Set<String> all = TopicAnalysisTest.customersUsing(docs, List.of(VOCAB));
    for (Theme theme : TopicAnalysis.run(docs, options)) {
      Set<String> mentioning = TopicAnalysisTest.customersUsing(docs, theme.terms());
      assertThat(theme.customers()).isEqualTo(mentioning.size());
      assertThat(theme.shareOfCustomers()).isEqualTo(mentioning.size() / (double) all.size());
      long documents = docs.stream()
          .filter(d -> d.phrases().stream().anyMatch(theme.terms()::contains)).count();
      assertThat(theme.documents()).isEqualTo((int) documents);
      assertThat(theme.trend().stream().mapToInt(Theme.Period::documents).sum())
          .isEqualTo((int) documents);
      assertThat(theme.quotes().size()).isLessThanOrEqualTo(Quotes.COUNT);

      Map<String, Boolean> outcome = new HashMap<>();
      for (TextDoc d : docs) {
        if (d.outcome() != null) {
          outcome.merge(d.customerId(), d.outcome(), Boolean::logicalOr);
        }
      }
      int n1 = 0;
      int k1 = 0;
      for (Map.Entry<String, Boolean> e : outcome.entrySet()) {
        if (mentioning.contains(e.getKey())) {
          n1++;
          k1 += e.getValue() ? 1 : 0;
        }
      }
      if (outcome.isEmpty()) {
        assertThat(theme.outcome()).isNull();
      } else {
        assertThat(theme.outcome().mentioning()).isEqualTo(n1);
        assertThat(theme.outcome().others()).isEqualTo(outcome.size() - n1);
        assertThat(theme.outcome().rateMentioning()).isEqualTo(n1 == 0 ? 0 : k1 / (double) n1);
      }
    }
  }
}
