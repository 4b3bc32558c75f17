package org.itinera.text.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.itinera.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

class TopicAnalysisTest {
  private static final long DAY = 86_400_000L;
  private static final long MONDAY = LocalDate.of(2024, 3, 4).atStartOfDay()
      .toInstant(ZoneOffset.UTC).toEpochMilli();

  @Test
  void run_koreanComplaints_rankTheCommonPainFirst() {
    List<TextDoc> docs = new ArrayList<>();
    String[] late = {"배송이 너무 느려요", "배송이 일주일째 안 와요 짜증나요", "배송 지연 때문에 화나요",
        "배송이 또 늦어졌어요 최악", "배송 언제 와요? 너무 늦어요"};
    for (int c = 0; c < 40; c++) {
      docs.add(TextDoc.of("c" + c, late[c % late.length], MONDAY + c * DAY, c % 2 == 0));
    }
    docs.add(TextDoc.of("r1", "포장지 색깔이 별로예요", MONDAY, false));
    docs.add(TextDoc.of("r2", "포장지 색깔이 마음에 안 들어요 최악", MONDAY, false));
    for (int c = 0; c < 30; c++) {
      docs.add(TextDoc.of("p" + c, "상담원이 정말 친절했어요 감사합니다", MONDAY + c * DAY, true));
    }
    List<Theme> themes = TopicAnalysis.run(docs, TopicOptions.defaults());

    assertThat(themes).isNotEmpty();
    Theme top = themes.get(0);
    assertThat(top.terms()).anyMatch(t -> t.startsWith("배송"));
    assertThat(top.customers()).isGreaterThanOrEqualTo(30);
    assertThat(top.shareNegative()).isGreaterThan(0.5);
    assertThat(top.quotes()).hasSize(3);
    assertThat(top.quotes().stream().map(Theme.Quote::customerId).distinct()).hasSize(3);
    assertThat(themes).noneMatch(t -> t.terms().stream().anyMatch(x -> x.contains("포장지")));
  }

  @Test
  void run_englishComplaints_findRefundTheme() {
    List<TextDoc> docs = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      docs.add(TextDoc.of("n" + c, c % 2 == 0 ? "My refund still hasn't arrived, this is ridiculous."
          : "Terrible, the refund takes forever.", MONDAY, null));
      docs.add(TextDoc.of("h" + c, "Thanks, the delivery was quick and the staff were lovely.",
          MONDAY, null));
    }
    List<Theme> themes = TopicAnalysis.run(docs, TopicOptions.defaults());
    assertThat(themes.get(0).terms()).contains("refund");
    assertThat(themes.get(0).outcome()).isNull();
  }

  @Test
  void run_withReference_keepsWhatIsDistinctiveOfTheSegment() {
    List<TextDoc> segment = new ArrayList<>();
    List<TextDoc> reference = new ArrayList<>();
    for (int c = 0; c < 30; c++) {
      segment.add(doc("s" + c, List.of("checkout", "coupon"), -0.8, MONDAY, null));
      reference.add(doc("r" + c, List.of("checkout"), -0.8, MONDAY, null));
      reference.add(doc("q" + c, List.of("checkout", "delivery"), 0.5, MONDAY, null));
    }
    List<Theme> themes = TopicAnalysis.run(segment, reference, TopicOptions.defaults());
    assertThat(themes).extracting(Theme::name).contains("coupon");
    assertThat(themes).noneMatch(t -> t.terms().contains("checkout") && !t.terms().contains("coupon"));
  }

  @Test
  void run_statistics_matchACountByHand() {
    List<TextDoc> docs = new ArrayList<>();
    // 6 customers complain about "late" (two of them twice), 4 are happy about "price".
    for (int c = 0; c < 6; c++) {
      docs.add(doc("a" + c, List.of("late"), -0.9, MONDAY + c * DAY, c < 2));
    }
    docs.add(doc("a0", List.of("late"), -0.7, MONDAY + 8 * DAY, null));
    docs.add(doc("a1", List.of("late"), -0.6, MONDAY + 9 * DAY, null));
    for (int c = 0; c < 4; c++) {
      docs.add(doc("b" + c, List.of("price"), 0.8, MONDAY + c * DAY, c < 3));
    }
    TopicOptions everyTerm = new TopicOptions(10, 2, 0, 5, TopicOptions.Granularity.WEEK,
        java.time.ZoneId.of("UTC"));
    Theme late = TopicAnalysis.run(docs, everyTerm).stream()
        .filter(t -> t.terms().contains("late")).findFirst().orElseThrow();

    assertThat(late.customers()).isEqualTo(6);
    assertThat(late.documents()).isEqualTo(8);
    assertThat(late.shareOfCustomers()).isEqualTo(6 / 10.0);
    assertThat(late.shareNegative()).isEqualTo(1.0);
    assertThat(late.trend()).extracting(Theme.Period::start)
        .containsExactly("2024-03-04", "2024-03-11");
    assertThat(late.trend()).extracting(Theme.Period::documents).containsExactly(6, 2);
    // Outcome known for a0..a5 (2 of 6 true) and b0..b3 (3 of 4 true).
    assertThat(late.outcome().mentioning()).isEqualTo(6);
    assertThat(late.outcome().rateMentioning()).isEqualTo(2 / 6.0);
    assertThat(late.outcome().others()).isEqualTo(4);
    assertThat(late.outcome().rateOthers()).isEqualTo(3 / 4.0);
    assertThat(late.outcome().z()).isLessThan(0);
    assertThat(late.painLowerBound()).isBetween(0.0, 0.6);
  }

  @Test
  void run_rareTermWithExtremeRatio_ranksBelowCommonPain() {
    List<TextDoc> docs = new ArrayList<>();
    for (int c = 0; c < 100; c++) {
      docs.add(doc("c" + c, List.of(c < 60 ? "wait" : "staff"), c < 60 ? -0.8 : 0.6, MONDAY,
          null));
    }
    for (int c = 0; c < 3; c++) {
      docs.add(doc("x" + c, List.of("glitter"), -0.9, MONDAY, null));
    }
    TopicOptions anyZ = new TopicOptions(10, 3, 0, 5, TopicOptions.Granularity.WEEK,
        java.time.ZoneId.of("UTC"));
    List<Theme> themes = TopicAnalysis.run(docs, anyZ);
    // glitter is as purely negative as wait, but three customers are weak evidence.
    assertThat(themes).extracting(Theme::name).containsSubsequence("wait", "glitter");
    assertThat(themes.get(0).painLowerBound()).isGreaterThan(themes.get(1).painLowerBound());
  }

  @Test
  void themes_serialiseToJson() throws Exception {
    List<TextDoc> docs = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      docs.add(doc("c" + c, List.of("late"), -0.9, MONDAY, c % 2 == 0));
      docs.add(doc("d" + c, List.of("price"), 0.9, MONDAY, true));
    }
    String json = new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(TopicAnalysis.run(docs, TopicOptions.defaults()));
    assertThat(json).contains("\"name\":\"late\"").contains("\"start\":\"2024-03-04\"")
        .contains("\"quotes\"").contains("\"rateMentioning\"");
  }

  @Test
  void run_emptySegment_givesNoThemes() {
    assertThat(new TopicAnalysis(TextAnalyzer.load())
        .themes(List.of(), List.of(), TopicOptions.defaults())).isEmpty();
  }

  @Test
  void run_onlyPositiveTexts_haveNoPainPoints() {
    List<TextDoc> docs = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      docs.add(doc("c" + c, List.of("price"), 0.9, MONDAY, null));
    }
    assertThat(TopicAnalysis.run(docs, TopicOptions.defaults())).isEmpty();
  }

  static TextDoc doc(String customer, List<String> phrases, double sentiment, long ts,
      Boolean outcome) {
    return new TextDoc(customer, String.join(" ", phrases) + " text of " + customer, ts, outcome,
        sentiment, phrases);
  }

  static Set<String> customersUsing(List<TextDoc> docs, List<String> terms) {
    Set<String> out = new HashSet<>();
    for (TextDoc d : docs) {
      if (d.phrases().stream().anyMatch(terms::contains)) {
        out.add(d.customerId());
      }
    }
    return out;
  }
}
