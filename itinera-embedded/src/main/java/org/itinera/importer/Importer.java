package org.itinera.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.ingest.Ingestor;
import org.itinera.source.Source;
import org.itinera.source.Sources;
import org.itinera.store.Store;

/**
 * Imports CSV, JSON Lines and Parquet files into the store, mapped by a {@link Mapping}.
 *
 * <p>Each file is one transaction through {@link Ingestor#ingestBulk}: all of its good rows are
 * stored, identities stitched and duplicates skipped, or (on failure) nothing. Rejected rows are
 * written to {@code DATA_DIR/rejects/}; re-importing a file stores nothing new. The mapping's
 * {@code source} may name a source created with {@code itinera sources create}; then its id and
 * default channel are used, otherwise the text itself is the source id.
 */
public final class Importer {
  private final Store store;
  private final Ingestor ingestor;
  private final Mapping mapping;
  private final ImportTarget target;

  private Importer(Store store, Ingestor ingestor, Mapping mapping, ImportTarget target) {
    this.store = store;
    this.ingestor = ingestor;
    this.mapping = mapping;
    this.target = target;
  }

  /** An importer writing through {@code ingestor}, rejects under {@code DATA_DIR/rejects}. */
  public static Importer open(Store store, Ingestor ingestor, Mapping mapping) {
    return open(store, ingestor, mapping, store.dataDir().resolve("rejects"));
  }

  public static Importer open(Store store, Ingestor ingestor, Mapping mapping, Path rejectsDir) {
    Objects.requireNonNull(mapping, "mapping");
    Source registered = new Sources(store).list().stream()
        .filter(s -> s.name().equals(mapping.source()) || s.sourceId().equals(mapping.source()))
        .findFirst().orElse(null);
    ImportTarget target = registered == null
        ? new ImportTarget(mapping.source(), null, rejectsDir)
        : new ImportTarget(registered.sourceId(), registered.channel(), rejectsDir);
    return new Importer(store, ingestor, mapping, target);
  }

  /**
   * Imports one file and says what happened. Throws {@link org.itinera.ItineraException} when the
   * file cannot be imported at all (missing, unreadable, columns the mapping needs are absent);
   * bad rows do not throw, they are counted and written to the rejects file.
   */
  public FileReport importFile(Path file, ImportListener listener) {
    long start = System.nanoTime();
    precheck(file);
    ImportListener monotonic = new Monotonic(listener);
    monotonic.started(file);
    FileReport report;
    try {
      report = ingestor.ingestBulk(new ImportRun(file, mapping, target, monotonic, false));
    } catch (ItineraException e) {
      if (!(e.getCause() instanceof ImportRun.RepeatedIds)) {
        throw e;
      }
      // Rolled back; again, this time keeping only the first row of each repeated event id.
      report = ingestor.ingestBulk(new ImportRun(file, mapping, target, monotonic, true));
    }
    report = report.withMillis((System.nanoTime() - start) / 1_000_000);
    monotonic.progress(file, 1.0);
    monotonic.finished(report);
    return report;
  }

  /**
   * Checks the mapping against the store and the file on a connection of its own, so that a file
   * the mapping does not fit is refused before the writer (and everyone waiting on it) is held.
   */
  private void precheck(Path file) {
    try (Connection c = store.newConnection()) {
      new MappingCheck(mapping).check(c, ingestor.identityTraits());
      try (InputFile in = InputFile.open(c, file, mapping)) {
        new MappingCheck(mapping).checkColumns(in);
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot check " + file + ": "
          + e.getMessage());
    }
  }

  /** Progress that never goes back, also when a file is imported a second time. */
  private static final class Monotonic implements ImportListener {
    private final ImportListener delegate;
    private double last = -1;

    Monotonic(ImportListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void started(Path file) {
      delegate.started(file);
    }

    @Override
    public synchronized void progress(Path file, double fraction) {
      if (fraction > last) {
        last = fraction;
        delegate.progress(file, fraction);
      }
    }

    @Override
    public void finished(FileReport report) {
      delegate.finished(report);
    }
  }

  /** The source id the events are stored with. */
  public String sourceId() {
    return target.sourceId();
  }
}
