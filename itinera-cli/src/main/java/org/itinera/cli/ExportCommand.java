package org.itinera.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itinera.export.ParquetExport;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code itinera export --parquet OUT}: the event store as date-partitioned Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the events as a Parquet data set partitioned by event date.")
final class ExportCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir;

  @Option(names = "--parquet", required = true, paramLabel = "OUT",
      description = "Target directory (must be empty or absent).")
  Path out;

  @Override
  public Integer call() {
    long n;
    try (Store store = Store.openReadOnly(dataDir.data)) {
      n = new ParquetExport(store.connection()).export(out);
    }
    System.out.println("Exported " + n + " events to " + out.toAbsolutePath()
        + " (partitioned by event_date).");
    return 0;
  }
}
