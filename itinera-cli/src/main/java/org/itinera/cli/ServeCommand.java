package org.itinera.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.itinera.ingest.Ingestor;
import org.itinera.server.ItineraServer;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code itinera serve}: the HTTP server over a data directory, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the server: collection API, query API and dashboard.")
final class ServeCommand implements Callable<Integer> {
  @Mixin DataDirOption dataDir;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    Running running = Running.start(dataDir.data, host, port);
    System.out.println("Itinera is listening on " + running.server.url());
    System.out.println("Admin token: " + running.store.dataDir().resolve("admin-token"));
    running.awaitShutdown();
    return 0;
  }

  /** A started server with everything it holds, closed in reverse order on shutdown. */
  static final class Running {
    final Store store;
    final Ingestor ingestor;
    final ItineraServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Running(Store store, Ingestor ingestor, ItineraServer server) {
      this.store = store;
      this.ingestor = ingestor;
      this.server = server;
    }

    static Running start(java.nio.file.Path data, String host, int port) {
      Store store = Store.open(data);
      Ingestor ingestor = null;
      try {
        ingestor = Ingestor.open(store, Wiring.textEnricher(store.dataDir()));
        ItineraServer server = ItineraServer.start(store, ingestor, host, port,
            Wiring.routes(store));
        Running running = new Running(store, ingestor, server);
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "itinera-shutdown"));
        return running;
      } catch (RuntimeException e) {
        if (ingestor != null) {
          ingestor.close();
        }
        store.close();
        throw e;
      }
    }

    void stop() {
      server.close();
      ingestor.close();
      store.close();
      stopped.countDown();
    }

    void awaitShutdown() throws InterruptedException {
      stopped.await();
    }
  }
}
