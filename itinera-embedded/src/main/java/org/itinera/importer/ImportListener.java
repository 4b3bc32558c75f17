package org.itinera.importer;

import java.nio.file.Path;

/** Hears how an import goes, e.g. to draw a progress bar. Called from the importing threads. */
public interface ImportListener {
  ImportListener NONE = new ImportListener() {};

  default void started(Path file) {}

  /** Roughly how far the file is, from 0 to 1; never decreases for one file. */
  default void progress(Path file, double fraction) {}

  default void finished(FileReport report) {}
}
