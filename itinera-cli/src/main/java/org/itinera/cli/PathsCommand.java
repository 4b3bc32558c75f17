package org.itinera.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.itinera.ItineraException;
import org.itinera.path.Anchor;
import org.itinera.path.Coverage;
import org.itinera.path.PathRow;
import org.itinera.path.PathSpec;
import org.itinera.path.Paths;
import org.itinera.path.PathsResult;
import org.itinera.sequence.EventExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code itinera paths}: the most frequent event sequences from or to an anchor. */
@Command(name = "paths", mixinStandardHelpOptions = true,
    description = "Top paths (runs of consecutive events) from the journey start, from or to an "
        + "event, or from every event, with counts, shares, Sankey links and coverage.")
final class PathsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin FilterOptions filters;
  @Mixin ServerOption server;

  @Option(names = "--from", paramLabel = "EVENT",
      description = "Paths starting at this event: a name, optionally with conditions, e.g. "
          + "\"Order Completed [channel=app]\".")
  String from;

  @Option(names = "--to", paramLabel = "EVENT",
      description = "Paths ending at this event (a name, optionally with conditions).")
  String to;

  @Option(names = "--every", description = "Paths from every event (length 2: directly-follows).")
  boolean every;

  @Option(names = "--length", defaultValue = "4", paramLabel = "K",
      description = "Events per path including the anchor; 0 for whole sessions "
          + "(default: ${DEFAULT-VALUE}).")
  int length;

  @Option(names = "--session-gap", paramLabel = "DURATION",
      description = "Paths stop at a gap longer than this (e.g. 30m); with the default anchor, "
          + "every session start is an anchor.")
  String sessionGap;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "Paths stop at an event further than this from the anchor.")
  String window;

  @Option(names = "--first-only", description = "Only each customer's first anchor counts.")
  boolean firstOnly;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N",
      description = "Paths to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PathSpec paths = new PathSpec(anchor(), length,
        sessionGap == null ? null : Windows.parse("session-gap", sessionGap),
        window == null ? null : Windows.parse("window", window), firstOnly, top,
        filters.filter());
    PathsResult result = IndexedData.analyse(server, dataDir, () -> filters.query(
        new QueryString().add("anchor", from != null ? from : to)
            .add("direction", to != null ? "before" : every ? "every" : "after")
            .add("depth", length).add("sessionGap", sessionGap).add("window", window)
            .flag("firstOnly", firstOnly).add("top", top)).path("/api/paths"),
        PathsResult.class, index -> Paths.run(index, paths));
    IndexedData.print(spec.commandLine().getOut(), json, result, PathsCommand::print);
    return 0;
  }

  private Anchor anchor() {
    int given = (from != null ? 1 : 0) + (to != null ? 1 : 0) + (every ? 1 : 0);
    if (given > 1) {
      throw ItineraException.invalid("from", "give at most one of --from, --to and --every");
    }
    if (from != null) {
      return Anchor.from(EventExpression.parse("from", from));
    }
    if (to != null) {
      return Anchor.to(EventExpression.parse("to", to));
    }
    return every ? Anchor.every() : Anchor.start();
  }

  private static void print(PrintWriter out, PathsResult r) {
    out.printf("%8s %9s %7s  %s%n", "count", "customers", "share", "path");
    for (PathRow p : r.paths()) {
      out.printf("%8d %9d %7s  %s%n", p.count(), p.customers(), HumanTime.percent(p.share()),
          String.join(" > ", p.events()));
    }
    Coverage c = r.coverage();
    out.printf("shown: %d of %d distinct paths; %d of %d path occurrences (%d cut); "
            + "%d of %d customers (%d cut); %d of %d events (%d cut)%n",
        r.paths().size(), r.distinctPaths(), c.pathsShown(), c.paths(), c.pathsCut(),
        c.customersCovered(), c.customers(), c.customersCut(), c.eventsCovered(), c.events(),
        c.eventsCut());
  }
}
