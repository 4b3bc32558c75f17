package org.itinera.importer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What importing one file did.
 *
 * @param rowsRead rows in the file (data rows; header and blank lines not counted)
 * @param imported rows stored as new events
 * @param duplicates valid rows not stored because their event id was already in the store or
 *     earlier in the same file
 * @param rejected rows refused, each written to {@code rejectsFile} with its line and reason
 * @param rejectsFile where the rejected rows are, or null when there were none
 * @param customers distinct customer-id combinations seen (before stitching)
 * @param millis wall time of the import of this file
 */
public record FileReport(Path file, FileFormat format, long rowsRead, long imported,
    long duplicates, long rejected, Path rejectsFile, long customers, long millis) {
  public FileReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    if (rowsRead < 0 || imported < 0 || duplicates < 0 || rejected < 0 || millis < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    if (imported + duplicates + rejected != rowsRead) {
      throw new IllegalArgumentException("imported + duplicates + rejected (" + imported + " + "
          + duplicates + " + " + rejected + ") must equal rows read (" + rowsRead + ")");
    }
  }

  /** The same report with another wall time (e.g. including the commit). */
  public FileReport withMillis(long newMillis) {
    return new FileReport(file, format, rowsRead, imported, duplicates, rejected, rejectsFile,
        customers, newMillis);
  }

  /** Rows read per second of wall time. */
  public double rowsPerSecond() {
    return millis == 0 ? rowsRead * 1000.0 : rowsRead * 1000.0 / millis;
  }
}
