package org.itinera.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.itinera.ItineraException;
import org.itinera.funnel.FunnelGroupResult;
import org.itinera.funnel.FunnelResult;
import org.itinera.funnel.FunnelSpec;
import org.itinera.funnel.FunnelStep;
import org.itinera.funnel.FunnelStepResult;
import org.itinera.funnel.Funnels;
import org.itinera.sequence.Breakdown;
import org.itinera.sequence.EventExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code itinera funnel}: conversion through ordered steps (semantics in docs/JOURNEY.md). */
@Command(name = "funnel", mixinStandardHelpOptions = true,
    description = "Customers completing ordered steps within a window: per step customers, "
        + "conversion, drop-off, time to convert, and what dropped customers did instead.")
final class FunnelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin FilterOptions filters;
  @Mixin ServerOption server;

  @Option(names = "--steps", required = true, paramLabel = "A,B,C",
      description = "The steps in order, comma-separated (any number of steps): event names, "
          + "each optionally with conditions, e.g. \"Product Viewed,Order Completed "
          + "[channel=web, revenue>=100]\" (docs/JOURNEY.md).")
  String steps;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "Every step within this long of step 1 (inclusive): 30m, 12h, 7d, 2w. "
          + "Default: no limit.")
  String window;

  @Option(names = "--step-window", paramLabel = "K=DURATION",
      description = "Step K (2 or more) within DURATION of step K-1; repeatable.")
  Map<Integer, String> stepWindows;

  @Option(names = "--strict", description = "Each step must be the very next event.")
  boolean strict;

  @Option(names = "--by", paramLabel = "DIMENSION",
      description = "Break down by 'channel' (of the step-1 event), 'trait:NAME' or 'segment' "
          + "(the --segment definitions); repeatable.")
  List<String> by;

  @Option(names = "--segment", paramLabel = "NAME:CONDITIONS",
      description = "A named segment for --by segment, e.g. \"gold:plan=gold, orders>=3\" "
          + "(trait conditions, all must hold); repeatable, first match wins.")
  List<String> segments;

  @Option(names = "--dropped", defaultValue = "20", paramLabel = "N",
      description = "Dropped customer ids to list per step (default: ${DEFAULT-VALUE}).")
  int dropped;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    FunnelSpec funnel = new FunnelSpec(parseSteps(), window == null ? null
        : Windows.parse("window", window), strict, breakdowns(), dropped, filters.filter());
    FunnelResult result = IndexedData.analyse(server, dataDir, () -> remoteQuery(funnel),
        FunnelResult.class, index -> Funnels.run(index, funnel));
    IndexedData.print(spec.commandLine().getOut(), json, result, this::print);
    return 0;
  }

  private String remoteQuery(FunnelSpec funnel) {
    QueryString q = new QueryString();
    funnel.steps().forEach(s -> q.add("step", s.label()));
    if (stepWindows != null) {
      stepWindows.forEach((k, d) -> q.add("stepWindow", k + "=" + d));
    }
    q.add("window", window).flag("strict", strict).add("dropSample", dropped);
    if (by != null) {
      by.forEach(b -> q.add("by", b));
    }
    if (segments != null) {
      segments.forEach(d -> q.add("segmentDef", d));
    }
    return filters.query(q).path("/api/funnels");
  }

  private List<Breakdown> breakdowns() {
    return Breakdown.parseAll(by == null ? List.of() : by,
        segments == null ? List.of() : segments, "segment");
  }

  private List<FunnelStep> parseSteps() {
    List<FunnelStep> out = new ArrayList<>();
    for (String step : EventExpression.split("steps", steps)) {
      out.add(FunnelStep.parse("steps", step));
    }
    return stepWindows == null ? out : FunnelStep.withWindows(out, stepWindows.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey,
            e -> Windows.parse("step-window", e.getValue()))), "step-window");
  }

  private void print(PrintWriter out, FunnelResult r) {
    out.printf("Funnel%s%s: %d entered, %d converted (%s)%n",
        r.windowMs() == null ? "" : " within " + HumanTime.format(r.windowMs()),
        r.strict() ? " (strict)" : "", r.entered(), r.converted(),
        HumanTime.percent(r.conversion()));
    printSteps(out, r.steps(), true);
    for (FunnelGroupResult g : r.groups()) {
      out.println();
      out.println(g.by());
      printSteps(out, g.steps(), false);
    }
  }

  private static void printSteps(PrintWriter out, List<FunnelStepResult> steps, boolean details) {
    int width = Math.max(28, steps.stream().mapToInt(s -> s.label().length()).max().orElse(0));
    String label = "%-" + width + "s";
    out.printf("%-4s " + label + " %10s %9s %10s %9s %10s %10s%n", "step", "event", "customers",
        "from prev", "from first", "drop-off", "median", "p90");
    for (FunnelStepResult s : steps) {
      out.printf("%-4d " + label + " %10d %9s %10s %9d %10s %10s%n", s.step(), s.label(),
          s.customers(),
          HumanTime.percent(s.conversionFromPrevious()), HumanTime.percent(s.conversionFromFirst()),
          s.dropOff(), HumanTime.format(s.medianMsFromPrevious()),
          HumanTime.format(s.p90MsFromPrevious()));
    }
    if (!details) {
      return;
    }
    for (FunnelStepResult s : steps) {
      if (s.step() > 1 && s.dropOff() > 0) {
        out.printf("dropped before step %d: did next %s; e.g. %s%n", s.step(),
            s.nextInstead().stream().limit(5).map(n -> n.event() + " (" + n.customers() + ")")
                .toList(), s.droppedCustomers().stream().limit(5).toList());
      }
    }
  }
}
