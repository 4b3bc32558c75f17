package org.itinera.text.topic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks three quotes that represent a theme: texts that use the most of its terms, whose
 * sentiment agrees with the theme's majority (a pain point is quoted by complaints), of readable
 * length, from three different customers. Ties go to stronger sentiment, then earlier texts, so
 * the choice is deterministic.
 */
final class Quotes {
  static final int COUNT = 3;
  private static final int SHORTEST = 8;
  private static final int LONGEST = 280;
  private static final int CANDIDATES = 500;
  /** Best first: agreeing and readable, then most terms, then strongest sentiment, then oldest. */
  private static final java.util.Comparator<int[]> ORDER = (a, b) -> {
    if (a[1] != b[1]) {
      return b[1] - a[1];
    }
    if (a[2] != b[2]) {
      return b[2] - a[2];
    }
    return a[3] != b[3] ? Integer.compare(b[3], a[3]) : Integer.compare(a[0], b[0]);
  };

  private Quotes() {}

  static List<Theme.Quote> pick(TopicAnalysis.Corpus seg, BitSet docs, List<ThemeBuilder.Term> terms,
      boolean negativeTheme) {
    Set<Integer> termIds = new HashSet<>();
    for (ThemeBuilder.Term t : terms) {
      termIds.add(t.id());
    }
    // Only the best few hundred candidates are sorted: a theme of a million texts needs three.
    java.util.PriorityQueue<int[]> best = new java.util.PriorityQueue<>(ORDER.reversed());
    for (int d = docs.nextSetBit(0); d >= 0; d = docs.nextSetBit(d + 1)) {
      int hits = 0;
      for (int t : seg.terms[d]) {
        hits += termIds.contains(t) ? 1 : 0;
      }
      int len = seg.docs.get(d).text().length();
      boolean agrees = negativeTheme == seg.negative[d];
      boolean readable = len >= SHORTEST && len <= LONGEST;
      int key = (agrees ? 4 : 0) + (readable ? 2 : 0);
      best.add(new int[] {d, key, hits, (int) Math.round(Math.abs(seg.score[d]) * 1e6)});
      if (best.size() > CANDIDATES) {
        best.poll();
      }
    }
    List<int[]> ranked = new ArrayList<>(best);
    ranked.sort(ORDER);
    List<Theme.Quote> quotes = new ArrayList<>();
    Set<Integer> customers = new HashSet<>();
    for (int[] r : ranked) {
      int d = r[0];
      if (customers.add(seg.customer[d])) {
        TextDoc doc = seg.docs.get(d);
        quotes.add(new Theme.Quote(doc.customerId(), doc.text(), seg.score[d], doc.ts()));
        if (quotes.size() == COUNT) {
          break;
        }
      }
    }
    return quotes;
  }
}
