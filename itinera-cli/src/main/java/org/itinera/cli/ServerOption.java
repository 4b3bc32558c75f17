package org.itinera.cli;

import picocli.CommandLine.Option;

/**
 * {@code --server URL [--token T]}: run a query against a running server instead of opening the
 * data directory (which the server holds).
 */
final class ServerOption {
  @Option(names = "--server", paramLabel = "URL",
      description = "A running Itinera server to ask instead of opening --data.")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The server's admin token (default: read from DIR/admin-token).")
  String token;
}
