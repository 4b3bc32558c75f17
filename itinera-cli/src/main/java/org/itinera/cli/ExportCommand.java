package org.itinera.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itinera.export.ParquetExport;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itinera export --parquet OUT}: the event store as date-partitioned Parquet, and the
 * profiles as a second data set next to it.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the events as a Parquet data set partitioned by event date, and the"
        + " customer profiles as a second one.")
final class ExportCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir;

  @Option(names = "--parquet", required = true, paramLabel = "OUT",
      description = "Target directory (must be empty or absent).")
  Path out;

  @Option(names = "--profiles", paramLabel = "DIR",
      description = "Where the customer profiles go, as a second Parquet data set (must be empty"
          + " or absent; default: OUT-profiles next to OUT).")
  Path profiles;

  @Override
  public Integer call() {
    Path profilesOut = profiles != null ? profiles
        : out.toAbsolutePath().resolveSibling(out.toAbsolutePath().getFileName() + "-profiles");
    long n;
    long p;
    try (Store store = Store.openReadOnly(dataDir.data)) {
      ParquetExport export = new ParquetExport(store.connection());
      n = export.export(out);
      p = export.exportProfiles(profilesOut);
    }
    System.out.println("Exported " + n + " events to " + out.toAbsolutePath()
        + " (partitioned by event_date) and " + p + " profiles to "
        + profilesOut.toAbsolutePath() + ".");
    return 0;
  }
}
