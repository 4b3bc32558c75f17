package org.itinera.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Fits the two heads of a {@link SentimentModel}.
 *
 * <p>Design notes. Features are extracted once, in parallel (results land by index, so threads
 * do not change the outcome), and kept as int arrays: ~0.5M texts x ~150 ids fits in a few hundred
 * MB. The polarity head learns from every positive and negative example; each language's classes
 * are re-weighted to equal total weight, because corpora are skewed (NSMC has three positive
 * reviews to each negative one) while the decision should not lean on a corpus' prior. The
 * neutral head learns neutral-versus-opinionated only from sources that label some text neutral,
 * again class-balanced. Both are logistic regressions fitted by AdaGrad, then quantised to int8.
 */
final class SentimentTraining {
  /** Character n-gram ranges: Korean syllables 1-3, English letters 2-6. */
  static final FeatureHasher DEFAULT_FEATURES = new FeatureHasher(1, 3, 2, 6);

  private SentimentTraining() {}

  static SentimentModel train(Iterable<LabelledText> data, TrainOptions options) {
    return train(data, options, null);
  }

  /**
   * Trains from scratch ({@code base} null) or adapts {@code base}: its feature settings and
   * table sizes are kept and its weights are the starting point, so a few hundred of a user's
   * texts shift the model towards their domain without the corpora it was first trained on. A
   * head whose task the new data does not cover (the neutral head, given only positive and
   * negative texts) is kept as it was.
   */
  static SentimentModel train(Iterable<LabelledText> data, TrainOptions options,
      SentimentModel base) {
    List<LabelledText> rows = new ArrayList<>();
    for (LabelledText row : data) {
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw ItineraException.invalid("data", "no training texts were given");
    }
    FeatureHasher hasher = base == null ? DEFAULT_FEATURES : base.hasher;
    int[][] ids = new int[rows.size()][];
    Lang[] langs = new Lang[rows.size()];
    extract(rows, hasher, ids, langs);

    Set<String> neutralSources = new HashSet<>();
    for (LabelledText row : rows) {
      if (row.label() == SentimentLabel.NEUTRAL) {
        neutralSources.add(row.source());
      }
    }
    List<Integer> polar = new ArrayList<>();
    List<Integer> neutralTask = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).label() != SentimentLabel.NEUTRAL) {
        polar.add(i);
      }
      if (neutralSources.contains(rows.get(i).source())) {
        neutralTask.add(i);
      }
    }
    if (polar.isEmpty() && base == null) {
      throw ItineraException.invalid("data",
          "all " + rows.size() + " training texts are neutral; expected positive and negative ones");
    }
    boolean hasNeutral = !neutralSources.isEmpty();
    SentimentModel.Head polarity = polar.isEmpty() ? base.polarity
        : fitHead(rows, ids, langs, polar, options, row -> row.label() == SentimentLabel.POSITIVE,
            base == null ? new float[(1 << options.polarityBits()) + 1] : base.polarity.toFloats());
    SentimentModel.Head neutral;
    if (!hasNeutral) {
      neutral = base == null ? null : base.neutral;
    } else {
      neutral = fitHead(rows, ids, langs, neutralTask, options,
          row -> row.label() == SentimentLabel.NEUTRAL,
          base == null || base.neutral == null ? new float[(1 << options.neutralBits()) + 1]
              : base.neutral.toFloats());
    }
    return new SentimentModel(hasher, polarity, neutral);
  }

  private static SentimentModel.Head fitHead(List<LabelledText> rows, int[][] ids, Lang[] langs,
      List<Integer> subset, TrainOptions options, Predicate<LabelledText> target, float[] start) {
    int bits = Integer.numberOfTrailingZeros(start.length - 1);
    int mask = (1 << bits) - 1;
    int n = subset.size();
    int[][] x = new int[n][];
    byte[] y = new byte[n];
    float[] w = new float[n];
    // Per language and class, the total example weight, to balance classes within a language.
    double[][] totals = new double[Lang.values().length][2];
    for (int k = 0; k < n; k++) {
      int i = subset.get(k);
      y[k] = (byte) (target.test(rows.get(i)) ? 1 : 0);
      totals[langs[i].ordinal()][y[k]] += rows.get(i).weight();
    }
    for (int k = 0; k < n; k++) {
      int i = subset.get(k);
      int[] raw = ids[i];
      int[] masked = new int[raw.length];
      for (int j = 0; j < raw.length; j++) {
        masked[j] = raw[j] & mask;
      }
      x[k] = masked;
      double[] t = totals[langs[i].ordinal()];
      double balance = t[0] > 0 && t[1] > 0 ? (t[0] + t[1]) / (2 * t[y[k]]) : 1;
      w[k] = (float) (rows.get(i).weight() * balance);
    }
    float[] weights = LogisticRegression.fit(x, y, w, start, options.l2(),
        options.learningRate(), options.epochs(), options.seed());
    return SentimentModel.Head.quantise(weights, bits);
  }

  private static void extract(List<LabelledText> rows, FeatureHasher hasher, int[][] ids,
      Lang[] langs) {
    int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        jobs.add(pool.submit(() -> {
          Tokens tokens = new Tokens();
          FeatureHasher.Features features = new FeatureHasher.Features();
          StringBuilder norm = new StringBuilder();
          for (int i = first; i < rows.size(); i += threads) {
            String text = rows.get(i).text();
            if (text.length() > TextAnalyzer.MAX_CHARS) {
              text = text.substring(0, TextAnalyzer.MAX_CHARS);
            }
            Lang lang = LanguageDetector.detect(text);
            // A text in neither language still teaches its characters; tokenise it as English.
            Morphology.tokenize(text, lang == Lang.OTHER ? Lang.EN : lang, tokens);
            hasher.extract(text, tokens, features, norm);
            ids[i] = Arrays.copyOf(features.ids, features.size);
            langs[i] = tokens.lang;
          }
        }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, "training was interrupted");
    } catch (ExecutionException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "feature extraction failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
