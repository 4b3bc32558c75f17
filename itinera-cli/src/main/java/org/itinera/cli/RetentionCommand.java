package org.itinera.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.itinera.ItineraException;
import org.itinera.retention.CohortRow;
import org.itinera.retention.Period;
import org.itinera.retention.Retention;
import org.itinera.retention.RetentionResult;
import org.itinera.retention.RetentionSpec;
import org.itinera.sequence.EventExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code itinera retention}: weekly or monthly cohorts and who comes back. */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Cohorts by the week or month (UTC) of each customer's first event (or first "
        + "chosen event), and the share returning in each later period.")
final class RetentionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin FilterOptions filters;
  @Mixin ServerOption server;

  @Option(names = "--period", defaultValue = "week", paramLabel = "week|month",
      description = "Cohort and return period (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--periods", defaultValue = "8", paramLabel = "N",
      description = "Later periods to report (default: ${DEFAULT-VALUE}).")
  int periods;

  @Option(names = "--cohort-event", paramLabel = "EVENT",
      description = "Cohort by the first occurrence of this event (default: any event); a "
          + "name, optionally with conditions, e.g. \"Order Completed [revenue>=50]\".")
  String cohortEvent;

  @Option(names = "--return-event", paramLabel = "EVENT",
      description = "Count a return only on this event (default: any event; a name, "
          + "optionally with conditions).")
  String returnEvent;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Period p = switch (period.toLowerCase(Locale.ROOT)) {
      case "week", "weekly" -> Period.WEEK;
      case "month", "monthly" -> Period.MONTH;
      default -> throw ItineraException.invalid("period", "'" + period
          + "' is not a period; use week or month");
    };
    RetentionSpec retention = new RetentionSpec(p,
        cohortEvent == null ? null : EventExpression.parse("cohort-event", cohortEvent),
        returnEvent == null ? null : EventExpression.parse("return-event", returnEvent), periods,
        filters.filter());
    RetentionResult result = IndexedData.analyse(server, dataDir, () -> filters.query(
        new QueryString().add("period", p == Period.WEEK ? "week" : "month")
            .add("periods", periods).add("start", cohortEvent).add("return", returnEvent))
            .path("/api/retention"),
        RetentionResult.class, index -> Retention.run(index, retention));
    IndexedData.print(spec.commandLine().getOut(), json, result, RetentionCommand::print);
    return 0;
  }

  private static void print(PrintWriter out, RetentionResult r) {
    out.printf("%-11s %9s", "cohort", "customers");
    for (int k = 1; k <= r.periods(); k++) {
      out.printf(" %7s", (r.period() == Period.WEEK ? "W" : "M") + k);
    }
    out.println();
    for (CohortRow c : r.cohorts()) {
      out.printf("%-11s %9d", c.start(), c.customers());
      for (int k = 1; k <= r.periods(); k++) {
        Double rate = c.rates().get(k);
        out.printf(" %7s", rate == null ? "" : HumanTime.percent(rate));
      }
      out.println();
    }
    out.printf("%-11s %9s", "all", "");
    for (int k = 1; k <= r.periods(); k++) {
      Double rate = r.average().get(k);
      out.printf(" %7s", rate == null ? "" : HumanTime.percent(rate));
    }
    out.println();
  }
}
