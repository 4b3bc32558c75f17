package org.itinera.importer;

import java.nio.file.Path;
import java.util.Objects;
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
  private final Ingestor ingestor;
  private final Mapping mapping;
  private final ImportTarget target;

  private Importer(Ingestor ingestor, Mapping mapping, ImportTarget target) {
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
    return new Importer(ingestor, mapping, target);
  }

  /**
   * Imports one file and says what happened. Throws {@link org.itinera.ItineraException} when the
   * file cannot be imported at all (missing, unreadable, columns the mapping needs are absent);
   * bad rows do not throw, they are counted and written to the rejects file.
   */
  public FileReport importFile(Path file, ImportListener listener) {
    return ingestor.ingestBulk(new ImportRun(file, mapping, target, listener));
  }

  /** The source id the events are stored with. */
  public String sourceId() {
    return target.sourceId();
  }
}
