package org.itinera.text.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.text.LabelledText;
import org.itinera.text.SentimentLabel;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.TrainOptions;

/**
 * Trains the model that ships in the jar. Usage (from the repository root):
 *
 * <pre>
 * java -Xmx4g -cp ... org.itinera.text.train.TrainShippedModel --data ../shared/data \
 *     [--out itinera-core/src/main/resources/org/itinera/text/sentiment-model.bin.gz] \
 *     [--write-test-sets] [--evaluate-only] [--epochs 6] [--cs-weight 10] [--templated-weight 5]
 * </pre>
 *
 * <p>Training never sees an evaluation text: every row the split rule puts in a test part, and
 * every text (after case and spacing are ignored) of the committed evaluation files, is left out.
 * {@code --write-test-sets} rewrites the committed NSMC and English evaluation subsets from the
 * test parts: test rows whose text also occurs in a training part are dropped, duplicates kept
 * once, and NSMC is sampled to 2,500 rows per class in a fixed pseudo-random order.
 */
public final class TrainShippedModel {
  static final Path TEST_DIR = Path.of("itinera-core/src/test/resources/org/itinera/text");
  static final Path CS_TRAIN_DIR = Path.of("itinera-core/data/text");
  static final Path MODEL = Path.of(
      "itinera-core/src/main/resources/org/itinera/text/sentiment-model.bin.gz");
  private static final int NSMC_PER_CLASS = 2_500;
  /** Hand-written in-domain rows count this much against the large review corpora. */
  private static final double CS_HAND_WEIGHT = 10;
  private static final double CS_TEMPLATED_WEIGHT = 5;

  private TrainShippedModel() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = parse(args);
    Path data = Path.of(require(opts, "data"));
    Path out = Path.of(opts.getOrDefault("out", MODEL.toString()));
    int epochs = Integer.parseInt(opts.getOrDefault("epochs", "6"));
    double handWeight = Double.parseDouble(opts.getOrDefault("cs-weight", "" + CS_HAND_WEIGHT));
    double templatedWeight = Double.parseDouble(
        opts.getOrDefault("templated-weight", "" + CS_TEMPLATED_WEIGHT));

    long t0 = System.nanoTime();
    List<Corpora.Row> nsmc = Corpora.nsmc(data);
    List<Corpora.Row> english = Corpora.english(data);
    if (opts.containsKey("write-test-sets")) {
      writeSubset(TEST_DIR.resolve("nsmc-test.tsv"), testSubset(nsmc, NSMC_PER_CLASS));
      writeSubset(TEST_DIR.resolve("en-test.tsv"), testSubset(english, Integer.MAX_VALUE));
    }
    Set<String> excluded = new HashSet<>();
    for (Corpora.Row r : nsmc) {
      if (r.test()) {
        excluded.add(Corpora.key(r.text()));
      }
    }
    for (Corpora.Row r : english) {
      if (r.test()) {
        excluded.add(Corpora.key(r.text()));
      }
    }
    for (String name : List.of("nsmc-test.tsv", "en-test.tsv", "cs-ko.tsv", "cs-en.tsv",
        "cs-ko-late.tsv", "cs-en-late.tsv")) {
      for (Corpora.Row r : Corpora.labelledTsv(TEST_DIR.resolve(name), name)) {
        excluded.add(Corpora.key(r.text()));
      }
    }

    List<LabelledText> train = new ArrayList<>();
    int left = 0;
    // For quick experiments only: every n-th NSMC row. The shipped model uses all (n = 1).
    int nsmcEvery = Integer.parseInt(opts.getOrDefault("nsmc-every", "1"));
    int seen = 0;
    for (List<Corpora.Row> corpus : List.of(nsmc, english)) {
      for (Corpora.Row r : corpus) {
        if (corpus == nsmc && seen++ % nsmcEvery != 0) {
          continue;
        }
        if (!r.test() && !excluded.contains(Corpora.key(r.text()))) {
          train.add(new LabelledText(r.text(), r.label(), 1.0, r.source()));
        } else if (!r.test()) {
          left++;
        }
      }
    }
    for (String lang : List.of("ko", "en")) {
      addCs(train, excluded, CS_TRAIN_DIR.resolve("cs-train-" + lang + ".tsv"), handWeight);
      addCs(train, excluded, CS_TRAIN_DIR.resolve("cs-train-templated-" + lang + ".tsv"),
          templatedWeight);
    }
    System.out.printf("training rows: %d (%d training-part rows left out as duplicates of"
        + " test texts); read in %.1fs%n", train.size(), left, (System.nanoTime() - t0) / 1e9);

    TextAnalyzer analyzer;
    if (opts.containsKey("evaluate-only")) {
      analyzer = TextAnalyzer.load(out);
    } else {
      t0 = System.nanoTime();
      analyzer = TextAnalyzer.train(train, TrainOptions.defaults().withEpochs(epochs));
      System.out.printf("trained in %.1fs%n", (System.nanoTime() - t0) / 1e9);
      analyzer.save(out);
      System.out.printf("model written to %s (%,d bytes)%n", out, Files.size(out));
    }

    Evaluation.print("NSMC test part (all, deduplicated)", analyzer, testSubset(nsmc,
        Integer.MAX_VALUE), true);
    Evaluation.print("English test part", analyzer, testSubset(english, Integer.MAX_VALUE), true);
    for (String name : List.of("cs-ko.tsv", "cs-en.tsv", "cs-ko-late.tsv", "cs-en-late.tsv")) {
      Evaluation.print(name, analyzer, Corpora.labelledTsv(TEST_DIR.resolve(name), name), false);
    }
  }

  private static void addCs(List<LabelledText> train, Set<String> excluded, Path file,
      double weight) {
    for (Corpora.Row r : Corpora.labelledTsv(file, "cs")) {
      if (!excluded.contains(Corpora.key(r.text()))) {
        train.add(new LabelledText(r.text(), r.label(), weight, "cs"));
      }
    }
  }

  /** Test-part rows whose text is not in the training part, once each, capped per class. */
  static List<Corpora.Row> testSubset(List<Corpora.Row> corpus, int perClass) {
    Set<String> trainKeys = new HashSet<>();
    for (Corpora.Row r : corpus) {
      if (!r.test()) {
        trainKeys.add(Corpora.key(r.text()));
      }
    }
    Map<String, Corpora.Row> unique = new LinkedHashMap<>();
    for (Corpora.Row r : corpus) {
      String k = Corpora.key(r.text());
      if (r.test() && !trainKeys.contains(k)) {
        unique.putIfAbsent(k, r);
      }
    }
    List<Corpora.Row> rows = new ArrayList<>(unique.values());
    rows.sort(Comparator.comparingLong(r -> scramble(r.source() + ":" + r.id())));
    List<Corpora.Row> out = new ArrayList<>();
    int[] taken = new int[SentimentLabel.values().length];
    for (Corpora.Row r : rows) {
      if (taken[r.label().ordinal()]++ < perClass) {
        out.add(r);
      }
    }
    return out;
  }

  private static long scramble(String id) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return h;
  }

  private static void writeSubset(Path file, List<Corpora.Row> rows) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# label\tsource\tid\ttext   (held-out evaluation rows; see SOURCE.md)\n");
      for (Corpora.Row r : rows) {
        w.write(r.label().code() + "\t" + r.source() + "\t" + r.id() + "\t"
            + r.text().replace('\t', ' ') + "\n");
      }
    }
    System.out.printf("wrote %d rows to %s%n", rows.size(), file);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw ItineraException.invalid("args", "argument '" + args[i] + "' is not an --option");
      }
      String name = args[i].substring(2);
      if (name.equals("write-test-sets") || name.equals("evaluate-only")) {
        opts.put(name, "true");
      } else if (i + 1 < args.length) {
        opts.put(name, args[++i]);
      } else {
        throw ItineraException.invalid(name, "--" + name + " needs a value");
      }
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new ItineraException(ErrorCode.INVALID_INPUT, name,
          "--" + name + " is required (the folder holding nsmc/, mr-polarity/, uci-sentiment/)");
    }
    return v;
  }
}
