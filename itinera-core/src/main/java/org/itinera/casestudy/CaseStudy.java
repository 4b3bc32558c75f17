package org.itinera.casestudy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itinera.ItineraException;
import org.itinera.journal.Entry;
import org.itinera.journal.Episode;
import org.itinera.journal.Journal;
import org.itinera.journal.Lang;
import org.itinera.journal.StorySentence;

/**
 * Writes a case study from journals. The segment summary (size, orders, value, flags, first
 * channels) is computed from all the journals given; customers are ordered so that the most
 * typical one (event count closest to the selection's median) comes first, and the stories of the
 * first {@code shown} of them are told: the typical journeys of the selection.
 */
public final class CaseStudy {
  private final String title;
  private final String criteria;
  private final List<Journal> journals;
  private final Lang lang;
  private final int shown;

  /** A case study telling every journal's story. */
  public CaseStudy(String title, String criteria, List<Journal> journals, Lang lang) {
    this(title, criteria, journals, lang, Math.max(1, journals.size()));
  }

  /**
   * @param journals the selection the summary describes
   * @param shown how many stories to tell, the most typical first (at least 1)
   */
  public CaseStudy(String title, String criteria, List<Journal> journals, Lang lang,
      int shown) {
    if (title == null || title.isBlank()) {
      throw ItineraException.invalid("title", "a case study needs a title");
    }
    if (shown < 1) {
      throw ItineraException.invalid("shown", "a case study tells at least one story, not "
          + shown);
    }
    this.title = title;
    this.criteria = criteria == null ? "" : criteria;
    this.journals = typicalFirst(journals);
    this.lang = lang;
    this.shown = shown;
  }

  static List<Journal> typicalFirst(List<Journal> journals) {
    if (journals.isEmpty()) {
      return List.of();
    }
    List<Integer> counts = new ArrayList<>(journals.stream().map(Journal::eventCount).toList());
    counts.sort(Integer::compare);
    int median = counts.get(counts.size() / 2);
    List<Journal> sorted = new ArrayList<>(journals);
    sorted.sort(Comparator.comparingInt((Journal j) -> Math.abs(j.eventCount() - median))
        .thenComparing(j -> j.profile().customerId()));
    return sorted;
  }

  public String markdown() {
    return render(new Markdown());
  }

  public String html() {
    return render(new Html());
  }

  private String render(Format f) {
    boolean ko = lang == Lang.KO;
    f.title(title);
    if (!criteria.isBlank()) {
      f.paragraph((ko ? "선정 기준: " : "Selection: ") + criteria);
    }
    f.heading(ko ? "요약" : "Summary");
    for (String line : summary(ko)) {
      f.bullet(line);
    }
    int i = 0;
    for (Journal j : journals.subList(0, Math.min(shown, journals.size()))) {
      String label = i++ == 0 && journals.size() > 2 ? (ko ? " (대표 고객)" : " (typical)") : "";
      f.heading((ko ? "고객 " : "Customer ") + j.profile().customerId() + label);
      StringBuilder story = new StringBuilder();
      for (StorySentence s : j.story()) {
        story.append(s.text()).append(' ');
      }
      f.paragraph(story.toString().strip());
      List<String> quotes = quotes(j);
      if (!quotes.isEmpty()) {
        f.paragraph(ko ? "고객의 말:" : "In their words:");
        for (String q : quotes) {
          f.quote(q);
        }
      }
    }
    return f.done();
  }

  private List<String> summary(boolean ko) {
    int n = journals.size();
    double orders = journals.stream().mapToInt(j -> j.profile().orders()).average().orElse(0);
    double value = journals.stream().mapToDouble(j -> j.profile().lifetimeValue()).average()
        .orElse(0);
    Map<String, Integer> flags = new HashMap<>();
    Map<String, Integer> firstChannels = new HashMap<>();
    for (Journal j : journals) {
      j.profile().flags().forEach(fl -> flags.merge(fl, 1, Integer::sum));
      if (!j.timeline().isEmpty() && !j.timeline().get(0).channels().isEmpty()) {
        firstChannels.merge(j.timeline().get(0).channels().get(0), 1, Integer::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(ko ? "고객 " + n + "명" : n + " customers");
    lines.add(String.format(ko ? "평균 주문 %.1f건, 평균 고객 가치 %,.0f" : "%.1f orders and %,.0f"
        + " lifetime value on average", orders, value));
    if (!firstChannels.isEmpty()) {
      lines.add((ko ? "첫 접점: " : "First touch: ") + shares(firstChannels, n));
    }
    if (!flags.isEmpty()) {
      lines.add((ko ? "주의 신호: " : "Flags: ") + shares(flags, n));
    }
    return lines;
  }

  private static String shares(Map<String, Integer> counts, int n) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sorted) {
      parts.add(String.format("%s %d%%", e.getKey(), Math.round(100.0 * e.getValue() / n)));
    }
    return String.join(", ", parts);
  }

  /** The customer's own words, verbatim, strongest feelings first (at most three). */
  static List<String> quotes(Journal j) {
    List<Entry> withText = new ArrayList<>();
    for (Episode ep : j.timeline()) {
      for (Entry e : ep.entries()) {
        if (e.text() != null && !e.text().isBlank()) {
          withText.add(e);
        }
      }
    }
    withText.sort(Comparator.comparingDouble(
        (Entry e) -> -Math.abs(e.sentiment() == null ? 0 : e.sentiment())));
    return withText.stream().limit(3).map(Entry::text).toList();
  }
}
