package org.itinera.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import org.itinera.ItineraException;
import org.itinera.store.Store;
import org.itinera.text.LabelledText;
import org.itinera.text.SentimentLabel;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.TrainOptions;
import org.itinera.voice.RatedTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code itinera text train}: a sentiment model from labelled files, or adapted to a data
 * directory's own texts with weak labels from their ratings ({@code --data}), checked on a
 * held-out part against the model it started from.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains a sentiment model from labelled files, or (--data DIR) adapts the"
        + " shipped model to the texts stored in DIR, labelled by their star, CSAT or NPS"
        + " ratings, plus any --from files; with --data the model is written where DIR's ingest,"
        + " topics and backfill pick it up, and held-out accuracy is compared with the shipped"
        + " model.",
        "Files: TSV of text<TAB>label or CSV of text,label (label: negative, neutral or"
            + " positive; or -1, 0, 1; # starts a TSV comment)."})
final class TextTrainCommand implements Callable<Integer> {
  /** One labelled text in this many goes to the held-out part (by a hash of the text). */
  static final int HOLD_OUT_EVERY = 5;

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Adapt to the rated texts stored in this data directory.")
  Path data;

  @Option(names = "--from", paramLabel = "FILE", arity = "1..*",
      description = "Labelled TSV or CSV files.")
  List<Path> from;

  @Option(names = {"--out", "--model"}, paramLabel = "MODEL",
      description = "Where to write the model (default: DIR/"
          + "text/sentiment-model.bin.gz with --data, else sentiment-model.bin.gz).")
  Path out;

  @Option(names = "--binary", description = "Labels are 0 (negative) and 1 (positive), as in"
      + " the UCI sentence files, instead of -1/0/1.")
  boolean binary;

  @Option(names = "--epochs",
      description = "Passes over the data (default: 6, or 5 when adapting).")
  Integer epochs;

  @Option(names = "--adapt", description = "Adapt the shipped model (or --base) to the files"
      + " instead of training from scratch: a few hundred texts of your own are enough."
      + " Always on with --data.")
  boolean adapt;

  @Option(names = "--base", paramLabel = "MODEL",
      description = "When adapting: the model to start from (default: the shipped model).")
  Path base;

  @Option(names = "--test", paramLabel = "FILE",
      description = "A labelled TSV or CSV file, kept out of training, to report accuracy on.")
  Path test;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    if (data == null && (from == null || from.isEmpty())) {
      throw ItineraException.invalid("from", "nothing to train on: give --from FILE... or"
          + " --data DIR (texts with ratings stored there)");
    }
    boolean adapting = adapt || data != null;
    if (base != null && !adapting) {
      throw ItineraException.invalid("--base", "--base " + base + " was given without --adapt;"
          + " add --adapt to start from that model");
    }
    List<LabelledText> rows = new ArrayList<>();
    if (data != null) {
      RatedTexts rated;
      try (Store store = Store.openReadOnly(data)) {
        rated = RatedTexts.read(store.connection());
      }
      w.printf(Locale.ROOT, "read %d rated texts from %s (%d by stars or CSAT, %d by NPS;"
          + " %d skipped: rating on no known scale)%n", rated.texts().size(), data,
          rated.stars(), rated.nps(), rated.skipped());
      rows.addAll(rated.texts());
    }
    if (from != null) {
      for (Path file : from) {
        rows.addAll(LabelledFiles.read(file, binary));
      }
    }
    List<LabelledText> train = rows;
    List<LabelledText> held = List.of();
    if (data != null) {
      train = new ArrayList<>();
      held = new ArrayList<>();
      for (LabelledText r : rows) {
        (heldOut(r.text()) ? held : train).add(r);
      }
    }
    if (train.isEmpty()) {
      throw ItineraException.invalid("data", "no labelled texts to train on" + (data == null ? ""
          : ": " + data + " has no texts with a star, CSAT or NPS rating; add --from FILE"));
    }
    w.printf(Locale.ROOT, "training on %d labelled texts %s%s%n", train.size(), counts(train),
        held.isEmpty() ? "" : ", holding out " + held.size());
    long t0 = System.nanoTime();
    TextAnalyzer start = null;
    TextAnalyzer analyzer;
    if (adapting) {
      TrainOptions options = TrainOptions.forAdapting();
      start = base == null ? TextAnalyzer.load() : TextAnalyzer.load(base);
      analyzer = start.adapt(train, epochs == null ? options : options.withEpochs(epochs));
    } else {
      TrainOptions options = TrainOptions.defaults();
      analyzer = TextAnalyzer.train(train, epochs == null ? options : options.withEpochs(epochs));
    }
    Path target = out != null ? out
        : data != null ? TextAnalyzer.modelOf(data) : Path.of("sentiment-model.bin.gz");
    analyzer.save(target);
    w.printf(Locale.ROOT, "%s in %.1f s; model written to %s%n", adapting ? "adapted" : "trained",
        (System.nanoTime() - t0) / 1e9, target);
    if (!held.isEmpty()) {
      double mine = accuracy(analyzer, held);
      double before = accuracy(start, held);
      w.printf(Locale.ROOT, "held-out accuracy on %d texts: %.4f with the new model, %.4f with"
          + " the %s%n", held.size(), mine, before, base == null ? "shipped model" : base);
      if (mine < before) {
        w.printf("the new model does worse on your held-out texts; delete %s to go back%n",
            target);
      }
    }
    if (test != null) {
      List<LabelledText> testRows = LabelledFiles.read(test, binary);
      w.printf(Locale.ROOT, "accuracy on %s: %.4f (%d texts)%n", test,
          accuracy(analyzer, testRows), testRows.size());
    }
    if (data != null && out == null) {
      w.printf("%s is scored with it from now on (ingest, topics); run 'itinera text backfill"
          + " --data %s' to re-score the texts already stored%n", data, data);
    }
    w.flush();
    return 0;
  }

  /** A fixed one-in-{@value #HOLD_OUT_EVERY} split by text, so duplicates stay on one side. */
  static boolean heldOut(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        .getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % HOLD_OUT_EVERY == 0;
  }

  static double accuracy(TextAnalyzer analyzer, List<LabelledText> rows) {
    int correct = 0;
    for (LabelledText r : rows) {
      correct += analyzer.analyze(r.text()).label() == r.label() ? 1 : 0;
    }
    return correct / (double) Math.max(1, rows.size());
  }

  private static Map<SentimentLabel, Integer> counts(List<LabelledText> rows) {
    Map<SentimentLabel, Integer> counts = new EnumMap<>(SentimentLabel.class);
    rows.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
    return counts;
  }
}
