package org.itinera.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.source.Source;
import org.itinera.source.Sources;
import org.itinera.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code itinera sources create|list}: event sources and their write keys. */
@Command(name = "sources", mixinStandardHelpOptions = true,
    description = "Create and list event sources (each with a write key and default channel).",
    subcommands = {SourcesCommand.Create.class, SourcesCommand.ListSources.class})
final class SourcesCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a source; its write key is printed once.")
  static final class Create implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Source name, e.g. 'Web shop'.")
    String name;

    @Option(names = "--channel", required = true,
        description = "Default channel of its events: web, app, email, store, call_center, chat, ...")
    String channel;

    @Mixin DataDirOption dataDir;
    @Mixin ServerOption server;

    @Override
    public Integer call() {
      Source source;
      String key;
      if (server.url != null) {
        Map<?, ?> created = RemoteServer.of(server, dataDir).post("/api/sources",
            Map.of("name", name, "channel", channel));
        Map<?, ?> s = (Map<?, ?>) created.get("source");
        source = new Source((String) s.get("sourceId"), (String) s.get("name"),
            (String) s.get("channel"));
        key = (String) created.get("writeKey");
      } else {
        try (Store store = Store.open(dataDir.data)) {
          Sources.Created created = new Sources(store).create(name, channel);
          source = created.source();
          key = created.writeKey();
        }
      }
      System.out.println("Created source '" + source.name() + "' (" + source.sourceId()
          + ", channel " + source.channel() + ").");
      System.out.println("Write key (shown only now; keep it secret): " + key);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List sources.")
  static final class ListSources implements Callable<Integer> {
    @Mixin DataDirOption dataDir;
    @Mixin ServerOption server;

    @Override
    public Integer call() {
      List<Source> sources;
      if (server.url != null) {
        sources = RemoteServer.of(server, dataDir).getList("/api/sources", Source.class);
      } else {
        try (Store store = Store.open(dataDir.data)) {
          sources = new Sources(store).list();
        }
      }
      System.out.printf("%-16s %-24s %s%n", "ID", "NAME", "CHANNEL");
      for (Source s : sources) {
        System.out.printf("%-16s %-24s %s%n", s.sourceId(), s.name(), s.channel());
      }
      return 0;
    }
  }
}
