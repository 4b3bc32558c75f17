package org.itinera.text.topic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Groups candidate terms into themes and computes each theme's statistics over the segment. */
final class ThemeBuilder {
  /** A candidate term: id, text and log-odds z. */
  record Term(int id, String text, double z) {}

  private static final double OVERLAP_TO_JOIN = 0.5;

  private final TopicAnalysis.Corpus seg;
  private final TopicOptions options;

  ThemeBuilder(TopicAnalysis.Corpus seg, TopicOptions options) {
    this.seg = seg;
    this.options = options;
  }

  List<Theme> build(List<Term> candidates) {
    // Postings of candidate terms only: the segment's texts that use each.
    int[] slot = new int[maxId(candidates) + 1];
    java.util.Arrays.fill(slot, -1);
    BitSet[] docsOf = new BitSet[candidates.size()];
    for (int k = 0; k < candidates.size(); k++) {
      slot[candidates.get(k).id()] = k;
      docsOf[k] = new BitSet(seg.size());
    }
    for (int d = 0; d < seg.size(); d++) {
      for (int t : seg.terms[d]) {
        if (t < slot.length && slot[t] >= 0) {
          docsOf[slot[t]].set(d);
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      Term term = candidates.get(k);
      Group home = null;
      for (Group g : groups) {
        if (sharesWord(g, term.text()) || overlap(g.docs, docsOf[k]) >= OVERLAP_TO_JOIN) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new Group();
        groups.add(home);
      }
      if (home.terms.size() < options.maxTermsPerTheme()) {
        home.terms.add(term);
        for (String w : term.text().split(" ")) {
          home.words.add(w);
        }
      }
      home.docs.or(docsOf[k]);
    }
    List<Theme> themes = new ArrayList<>();
    for (Group g : groups) {
      Theme theme = toTheme(g);
      if (theme.customers() >= options.minCustomers()) {
        themes.add(theme);
      }
    }
    themes.sort(Comparator.comparingDouble(Theme::painLowerBound).reversed()
        .thenComparing(Comparator.comparingInt(Theme::customers).reversed())
        .thenComparing(Theme::name));
    return themes.size() > options.maxThemes() ? themes.subList(0, options.maxThemes()) : themes;
  }

  private Theme toTheme(Group g) {
    Set<Integer> customers = new HashSet<>();
    Set<Integer> negativeCustomers = new HashSet<>();
    int negativeDocs = 0;
    TreeMap<LocalDate, int[]> periods = new TreeMap<>();
    for (int d = 0; d < seg.size(); d++) {
      int[] counts = periods.computeIfAbsent(period(seg.docs.get(d).ts()), p -> new int[2]);
      counts[1]++;
      if (!g.docs.get(d)) {
        continue;
      }
      counts[0]++;
      customers.add(seg.customer[d]);
      if (seg.negative[d]) {
        negativeDocs++;
        negativeCustomers.add(seg.customer[d]);
      }
    }
    List<Theme.Period> trend = new ArrayList<>();
    periods.forEach((start, c) -> trend.add(
        new Theme.Period(start.toString(), c[0], c[0] / (double) c[1])));
    int documents = g.docs.cardinality();
    List<String> terms = g.terms.stream().map(Term::text).toList();
    String name = String.join(" · ", terms.subList(0, Math.min(3, terms.size())));
    return new Theme(name, terms, customers.size(), documents,
        customers.size() / (double) seg.customers,
        documents == 0 ? 0 : negativeDocs / (double) documents,
        TermStats.wilsonLower(negativeCustomers.size(), seg.customers), trend,
        outcome(customers), Quotes.pick(seg, g.docs, g.terms, negativeDocs * 2 >= documents));
  }

  private Theme.OutcomeAssociation outcome(Set<Integer> mentioning) {
    // One outcome per customer: any text of a customer with a known outcome settles it.
    Boolean[] outcome = new Boolean[seg.customers];
    for (int d = 0; d < seg.size(); d++) {
      Boolean o = seg.docs.get(d).outcome();
      if (o != null) {
        outcome[seg.customer[d]] = outcome[seg.customer[d]] == Boolean.TRUE || o;
      }
    }
    int n1 = 0;
    int k1 = 0;
    int n2 = 0;
    int k2 = 0;
    for (int c = 0; c < outcome.length; c++) {
      if (outcome[c] == null) {
        continue;
      }
      if (mentioning.contains(c)) {
        n1++;
        k1 += outcome[c] ? 1 : 0;
      } else {
        n2++;
        k2 += outcome[c] ? 1 : 0;
      }
    }
    if (n1 + n2 == 0) {
      return null;
    }
    double r1 = n1 == 0 ? 0 : k1 / (double) n1;
    double r2 = n2 == 0 ? 0 : k2 / (double) n2;
    return new Theme.OutcomeAssociation(n1, r1, n2, r2, r1 - r2,
        TermStats.twoProportionZ(k1, n1, k2, n2));
  }

  private LocalDate period(long ts) {
    LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(ts), options.zone());
    return switch (options.granularity()) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  private static boolean sharesWord(Group g, String term) {
    for (String w : term.split(" ")) {
      if (w.length() > 1 && !w.equals("안") && g.words.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** |a and b| / min(|a|, |b|), walking the smaller set: no copy of a million-bit set. */
  private static double overlap(BitSet a, BitSet b) {
    BitSet small = a.cardinality() <= b.cardinality() ? a : b;
    BitSet large = small == a ? b : a;
    int size = small.cardinality();
    if (size == 0) {
      return 0;
    }
    int both = 0;
    for (int d = small.nextSetBit(0); d >= 0; d = small.nextSetBit(d + 1)) {
      both += large.get(d) ? 1 : 0;
    }
    return both / (double) size;
  }

  private static int maxId(List<Term> terms) {
    int max = 0;
    for (Term t : terms) {
      max = Math.max(max, t.id());
    }
    return max;
  }

  /** A theme under construction. */
  private static final class Group {
    final List<Term> terms = new ArrayList<>();
    final Set<String> words = new HashSet<>();
    final BitSet docs = new BitSet();
  }
}
