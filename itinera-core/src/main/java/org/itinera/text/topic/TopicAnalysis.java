package org.itinera.text.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;

/**
 * Finds the themes of a segment's texts and ranks them as pain points.
 *
 * <p>Design notes. (1) Every text is reduced to its distinct key phrases (Nori nouns and
 * noun+predicate phrases, English noun-like chunks) and a sentiment; both come from the stored
 * columns when the caller has them, else from the {@link TextAnalyzer}, in parallel. (2) Terms are
 * scored by log-odds z ({@link TermStats#logOddsZ}) of the focus texts against a reference:
 * the caller's reference texts (this segment against the rest), or, without one, the segment's
 * negative texts against its other texts, which surfaces what people complain about. A term must
 * reach {@code minZ} and be used by {@code minCustomers}. (3) Terms are grouped greedily, most
 * distinctive first: a term joins a theme when it shares a word with the theme's terms
 * ("배송" and "배송 느리다") or when most texts that use it also use the theme (overlap
 * coefficient at least one half). (4) Statistics are over all of the segment's texts; themes are
 * ranked by the Wilson lower bound of the share of the segment's customers who mention the theme
 * in a negative text.
 */
public final class TopicAnalysis {
  /**
   * Texts scoring at or below this are negative for topic statistics (the label is not stored):
   * the journal's and the query API's threshold, so every page agrees on what a complaint is.
   */
  static final double NEGATIVE_SCORE = -0.25;
  private static final int MAX_CANDIDATE_TERMS = 200;

  private final TextAnalyzer analyzer;

  public TopicAnalysis(TextAnalyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /** Pain points of a segment: its negative texts' terms against its other texts' terms. */
  public static List<Theme> run(List<TextDoc> segment, TopicOptions options) {
    return new TopicAnalysis(TextAnalyzer.load()).themes(segment, List.of(), options);
  }

  /** Themes distinctive of a segment against a reference (e.g. every other segment). */
  public static List<Theme> run(List<TextDoc> segment, List<TextDoc> reference,
      TopicOptions options) {
    return new TopicAnalysis(TextAnalyzer.load()).themes(segment, reference, options);
  }

  /** As the static {@code run}; an empty reference means pain-point mode. */
  public List<Theme> themes(List<TextDoc> segment, List<TextDoc> reference, TopicOptions options) {
    Objects.requireNonNull(options, "options");
    if (segment.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> termIds = new HashMap<>();
    Corpus seg = prepare(segment, termIds);
    boolean painMode = reference.isEmpty();
    Corpus ref = painMode ? null : prepare(reference, termIds);
    int terms = termIds.size();
    String[] termNames = new String[terms];
    termIds.forEach((t, id) -> termNames[id] = t);

    int[] focusDf = new int[terms];
    int[] refDf = new int[terms];
    int[] segmentDf = new int[terms];
    int focusDocs = 0;
    int refDocs = 0;
    for (int d = 0; d < seg.size(); d++) {
      boolean focus = !painMode || seg.negative[d];
      for (int t : seg.terms[d]) {
        segmentDf[t]++;
        if (focus) {
          focusDf[t]++;
        } else {
          refDf[t]++;
        }
      }
      if (focus) {
        focusDocs++;
      } else {
        refDocs++;
      }
    }
    if (!painMode) {
      for (int d = 0; d < ref.size(); d++) {
        for (int t : ref.terms[d]) {
          refDf[t]++;
        }
      }
      refDocs = ref.size();
    }
    if (focusDocs == 0) {
      return List.of();
    }
    List<ThemeBuilder.Term> candidates = new ArrayList<>();
    for (int t = 0; t < terms; t++) {
      if (segmentDf[t] < options.minCustomers() || focusDf[t] == 0) {
        continue;
      }
      double z = refDocs == 0 ? Math.sqrt(focusDf[t])
          : TermStats.logOddsZ(focusDf[t], focusDocs, refDf[t], refDocs);
      if (z >= options.minZ()) {
        candidates.add(new ThemeBuilder.Term(t, termNames[t], z));
      }
    }
    candidates.sort((x, y) -> Double.compare(y.z(), x.z()));
    if (candidates.size() > MAX_CANDIDATE_TERMS) {
      candidates = new ArrayList<>(candidates.subList(0, MAX_CANDIDATE_TERMS));
    }
    return new ThemeBuilder(seg, options).build(candidates);
  }

  private Corpus prepare(List<TextDoc> docs, Map<String, Integer> termIds) {
    int n = docs.size();
    @SuppressWarnings("unchecked")
    List<String>[] phrases = new List[n];
    double[] scores = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      TextDoc doc = docs.get(i);
      if (doc.phrases() != null && doc.sentiment() != null) {
        phrases[i] = doc.phrases();
        scores[i] = doc.sentiment();
      } else {
        TextAnalysis a = analyzer.analyze(doc.text());
        phrases[i] = doc.phrases() != null ? doc.phrases() : a.topics();
        scores[i] = doc.sentiment() != null ? doc.sentiment() : a.score();
      }
    });
    Corpus c = new Corpus(docs, n);
    Map<String, Integer> customers = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<String> p = phrases[i];
      int[] ids = new int[p.size()];
      int k = 0;
      for (String term : p) {
        Integer id = termIds.computeIfAbsent(term, x -> termIds.size());
        boolean seen = false;
        for (int j = 0; j < k; j++) {
          seen |= ids[j] == id;
        }
        if (!seen) {
          ids[k++] = id;
        }
      }
      c.terms[i] = k == ids.length ? ids : java.util.Arrays.copyOf(ids, k);
      c.score[i] = scores[i];
      c.negative[i] = scores[i] <= NEGATIVE_SCORE;
      c.customer[i] = customers.computeIfAbsent(docs.get(i).customerId(), x -> customers.size());
    }
    c.customers = customers.size();
    return c;
  }

  /** A list of texts reduced to term ids, sentiment and customer index. */
  static final class Corpus {
    final List<TextDoc> docs;
    final int[][] terms;
    final double[] score;
    final boolean[] negative;
    final int[] customer;
    int customers;

    Corpus(List<TextDoc> docs, int n) {
      this.docs = docs;
      this.terms = new int[n][];
      this.score = new double[n];
      this.negative = new boolean[n];
      this.customer = new int[n];
    }

    int size() {
      return terms.length;
    }
  }
}
