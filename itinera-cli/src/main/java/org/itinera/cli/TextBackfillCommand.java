package org.itinera.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.ingest.TextBackfill;
import org.itinera.store.Store;
import org.itinera.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code itinera text backfill}: re-scores every stored text, e.g. after a model change. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Re-scores every stored event that carries text (lang, sentiment, emotion,"
        + " topics) with the data directory's model (or --model), in batches, each committed on"
        + " its own; running it again with the same model changes nothing. Needs the store to"
        + " itself: stop a server that holds it.")
final class TextBackfillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(names = "--model", paramLabel = "FILE",
      description = "A model written by 'itinera text train' (default: DIR's own model, else the"
          + " shipped one).")
  Path model;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "5000",
      description = "Texts per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--quiet", description = "No progress lines on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    if (!Files.exists(dataDir.data.resolve(Store.FILE_NAME))) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "data", "no Itinera store in "
          + dataDir.data.toAbsolutePath() + " (expected " + Store.FILE_NAME + "); check --data");
    }
    TextAnalyzer analyzer = model != null ? TextAnalyzer.load(model)
        : TextAnalyzer.forDataDir(dataDir.data);
    PrintWriter err = spec.commandLine().getErr();
    TextBackfill.Result r;
    try (Store store = Store.open(dataDir.data)) {
      r = new TextBackfill(store, analyzer::enrich, batch).run(quiet ? TextBackfill.Progress.NONE
          : (done, total, changed) -> {
            err.printf(Locale.ROOT, "re-scored %d of %d texts (%.0f%%), %d changed%n", done,
                total, 100.0 * done / Math.max(1, total), changed);
            err.flush();
          });
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "re-scored %d texts in %.1f s (%.0f texts/s); %d changed%n",
        r.texts(), r.millis() / 1000.0, r.texts() * 1000.0 / Math.max(1, r.millis()),
        r.changed());
    out.flush();
    return 0;
  }
}
