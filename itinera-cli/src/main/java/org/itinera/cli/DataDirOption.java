package org.itinera.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command that touches a store shares. */
final class DataDirOption {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "itinera-data",
      description = "Data directory holding itinera.duckdb (default: ${DEFAULT-VALUE}).")
  Path data;
}
