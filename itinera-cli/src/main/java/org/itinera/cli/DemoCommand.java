package org.itinera.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code itinera demo}: the product with a demo company's data, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start Itinera with demo data for a fictional multichannel retailer.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "itinera-demo", paramLabel = "DIR",
      description = "Data directory for the demo (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--no-serve", description = "Load the demo data and exit.")
  boolean noServe;

  @Override
  public Integer call() throws InterruptedException {
    System.out.println("The demo data generator has not landed yet: starting the server on an"
        + " empty store in " + data.toAbsolutePath() + ".");
    if (noServe) {
      return 0;
    }
    ServeCommand.Running running = ServeCommand.Running.start(data, "0.0.0.0", port);
    System.out.println("Itinera is listening on " + running.server.url());
    running.awaitShutdown();
    return 0;
  }
}
