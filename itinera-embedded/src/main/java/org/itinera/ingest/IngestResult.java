package org.itinera.ingest;

/**
 * What happened to a set of events handed to the {@link Ingestor}: how many were newly stored and
 * how many were already in the store (same event id), which is a no-op.
 */
public record IngestResult(int accepted, int duplicates) {
  public IngestResult {
    if (accepted < 0 || duplicates < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  public static final IngestResult EMPTY = new IngestResult(0, 0);

  public IngestResult plus(IngestResult other) {
    return new IngestResult(accepted + other.accepted, duplicates + other.duplicates);
  }
}
