package org.itinera.importer;

import java.nio.file.Path;

/**
 * Settings of an {@link Importer}.
 *
 * @param rejectsDir where rejects files go; null for {@code DATA_DIR/rejects}
 * @param commitEvery good rows per transaction: a file with more is committed in chunks of this
 *     many rows (DuckDB keeps about 50 MB of index per million uncommitted event ids in memory);
 *     a file with at most this many is all-or-nothing
 */
public record ImportOptions(Path rejectsDir, long commitEvery) {
  public static final ImportOptions DEFAULT = new ImportOptions(null, 1_000_000);

  public ImportOptions {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be >= 1, was " + commitEvery);
    }
  }

  public ImportOptions withRejectsDir(Path dir) {
    return new ImportOptions(dir, commitEvery);
  }

  public ImportOptions withCommitEvery(long rows) {
    return new ImportOptions(rejectsDir, rows);
  }
}
