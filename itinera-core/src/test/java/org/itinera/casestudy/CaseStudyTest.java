package org.itinera.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itinera.event.Event;
import org.itinera.journal.Journal;
import org.itinera.journal.JournalBuilder;
import org.itinera.journal.Lang;
import org.itinera.journal.StageOf;
import org.junit.jupiter.api.Test;

class CaseStudyTest {
  static final long T0 = 1_780_000_000_000L;

  static Journal journal(String customer, int extraEvents, String text, double sentiment) {
    List<Event> events = new ArrayList<>();
    events.add(new Event(customer + "-0", customer, null, customer, T0, T0, "track",
        "Ad Clicked", "ads", "s", null, null, null, null, null, null, null, null, null, null,
        null));
    for (int i = 1; i <= extraEvents; i++) {
      events.add(new Event(customer + "-" + i, customer, null, customer, T0 + i * 60_000L,
          T0, "page", "Page Viewed", "web", "s", null, null, null, null, null, null, null, null,
          null, null, null));
    }
    events.add(new Event(customer + "-t", customer, null, customer, T0 + 86_400_000L, T0,
        "review", "Review Submitted", "review", "s", null, null, null, text, "en", sentiment,
        null, null, 1.0, null, null));
    return new JournalBuilder(StageOf.NONE, JournalBuilder.DEFAULT_SESSION_GAP_MS)
        .build(customer, events, Map.of(), null, Lang.EN, T0 + 2 * 86_400_000L);
  }

  @Test
  void html_escapesCustomerTextAndPutsTheTypicalCustomerFirst() {
    String hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
    CaseStudy cs = new CaseStudy("Delivery pain", "topic = delivery",
        List.of(journal("a", 1, "ok", 0.1), journal("b", 5, hostile, -0.9),
            journal("c", 40, "late again", -0.6)), Lang.EN);
    String html = cs.html();
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img");
    assertThat(html.indexOf("Customer b (typical)")).isPositive()
        .isLessThan(html.indexOf("Customer a"));
    assertThat(html).contains("3 customers", "First touch: ads 100%");
  }

  @Test
  void markdown_quotesVerbatimButNeutralisesFormatting() {
    CaseStudy cs = new CaseStudy("리뷰", null, List.of(journal("k", 2,
        "**최악** [link](http://x) 배송이 늦어요 ㅠㅠ", -0.9)), Lang.KO);
    String md = cs.markdown();
    assertThat(md).contains("> \\*\\*최악\\*\\* \\[link\\]\\(http://x\\) 배송이 늦어요 ㅠㅠ");
    assertThat(md).contains("## 요약", "고객 1명");
  }

  @Test
  void markdown_summaryListEndsBeforeTheFirstStory_andOnlyTheShownStoriesAreTold() {
    CaseStudy cs = new CaseStudy("Segment", "plan = gold", List.of(journal("a", 5, "slow", -0.5),
        journal("b", 20, "late", -0.6), journal("c", 40, "late again", -0.6)), Lang.EN, 1);
    String md = cs.markdown();
    assertThat(md).contains("- 3 customers\n").containsPattern("\n- [^\n]*\n\n## Customer b");
    assertThat(md).doesNotContain("## Customer a").doesNotContain("## Customer c");
  }
}
