package org.itinera.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.itinera.importer.FileReport;
import org.itinera.importer.ImportListener;

/** A one-line progress bar for a terminal, redrawn in place at most ten times a second. */
final class ProgressBar implements ImportListener {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private long started;
  private long lastDrawn;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void started(Path file) {
    started = System.nanoTime();
    lastDrawn = 0;
    draw(file, 0);
  }

  @Override
  public synchronized void progress(Path file, double fraction) {
    long now = System.nanoTime();
    if (now - lastDrawn > 100_000_000L || fraction >= 1) {
      lastDrawn = now;
      draw(file, fraction);
    }
  }

  @Override
  public synchronized void finished(FileReport report) {
    out.print("\r\033[2K");
    out.flush();
  }

  private void draw(Path file, double fraction) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    out.printf(Locale.ROOT, "\r\033[2K[%s%s] %3d%%  %s  %.1f s", "#".repeat(filled),
        ".".repeat(WIDTH - filled), Math.round(fraction * 100), file.getFileName(),
        (System.nanoTime() - started) / 1e9);
    out.flush();
  }
}
