package org.itinera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itinera.ItineraException;
import org.itinera.journey.JourneyModel;
import org.itinera.journeymap.Emotion;
import org.itinera.journeymap.JourneyMapResult;
import org.itinera.journeymap.JourneyMapSpec;
import org.itinera.journeymap.JourneyMaps;
import org.itinera.journeymap.MatrixCell;
import org.itinera.journeymap.StageResult;
import org.itinera.journeymap.TransitionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code itinera journey-map}: stages, moves between them, touchpoints and emotion. */
@Command(name = "journey-map", mixinStandardHelpOptions = true,
    description = "The journey map for a journey model's stages: customers, conversion and "
        + "drop-off per stage, transitions (including skips and going back), time in stage, the "
        + "touchpoint by stage matrix, and sentiment per stage and touchpoint.")
final class JourneyMapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin FilterOptions filters;
  @Mixin ServerOption server;

  @Option(names = "--model", paramLabel = "FILE",
      description = "journey.yml to use (default: the built-in model; see --print-model).")
  Path model;

  @Option(names = "--print-model",
      description = "Print the built-in journey.yml, to copy and edit, and exit.")
  boolean printModel;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (printModel) {
      out.print(JourneyModel.defaultYaml());
      out.flush();
      return 0;
    }
    if (server.url != null && model != null) {
      throw ItineraException.invalid("model", "a server maps journeys with its own model;"
          + " --model applies to a data directory only");
    }
    JourneyModel journey = server.url != null || model == null ? JourneyModel.defaultModel()
        : JourneyModel.load(model);
    JourneyMapResult result = IndexedData.analyse(server, dataDir,
        () -> filters.query(new QueryString()).path("/api/journey-map"), JourneyMapResult.class,
        index -> JourneyMaps.run(index, new JourneyMapSpec(journey, filters.filter())));
    IndexedData.print(out, json, result, JourneyMapCommand::print);
    return 0;
  }

  private static void print(PrintWriter out, JourneyMapResult r) {
    out.printf("%d customers (%d in a stage), %d events (%d outside every stage)%n%n",
        r.customers(), r.customersInStages(), r.events(), r.unmappedEvents());
    out.printf("%-16s %9s %9s %9s %9s %10s %10s %9s %8s%n", "stage", "customers", "onward",
        "drop-off", "goal", "median", "p90", "sentiment", "negative");
    for (StageResult s : r.stages()) {
      out.printf("%-16s %9d %9s %9d %9s %10s %10s %9s %8s%n", s.stage(), s.customers(),
          HumanTime.percent(s.conversion()), s.dropOff(), HumanTime.percent(s.goalConversion()),
          HumanTime.format(s.medianMsInStage()), HumanTime.format(s.p90MsInStage()),
          mean(s.emotion()), negative(s.emotion()));
    }
    out.printf("%ntransitions%n");
    for (TransitionResult t : r.transitions()) {
      out.printf("  %-16s -> %-16s %-8s %8d moves %8d customers%n", t.from(), t.to(), t.kind(),
          t.count(), t.customers());
    }
    out.printf("%ntouchpoint x stage (events / customers)%n");
    for (MatrixCell c : r.matrix()) {
      out.printf("  %-16s %-20s %8d %8d  sentiment %s%n", c.stage(), c.touchpoint(), c.events(),
          c.customers(), mean(c.emotion()));
    }
  }

  private static String mean(Emotion e) {
    return e.meanSentiment() == null ? "-" : String.format("%+.2f", e.meanSentiment());
  }

  private static String negative(Emotion e) {
    return e.shareNegative() == null ? "-" : HumanTime.percent(e.shareNegative());
  }
}
