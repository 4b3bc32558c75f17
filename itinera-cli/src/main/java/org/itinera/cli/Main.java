package org.itinera.cli;

import org.itinera.ItineraException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code itinera} command. Every subcommand is registered here, by hand. */
@Command(
    name = "itinera",
    mixinStandardHelpOptions = true,
    version = "Itinera 0.1.0",
    description = "Self-hosted customer-journey analytics.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      SourcesCommand.class,
      CustomersCommand.class,
      JournalCommand.class,
      CaseStudyCommand.class,
      CompareCommand.class,
      ExportCommand.class,
      TextCommand.class,
      ImportCommand.class,
      FunnelCommand.class,
      PathsCommand.class,
      JourneyMapCommand.class,
      RetentionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new Main()));
  }

  /**
   * Reports Itinera's errors as one line naming the field and the reason, with the error's exit
   * code, instead of a stack trace; used for the whole command line and for tests of one command.
   */
  static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ItineraException ie) {
        cmd.getErr().println("itinera: " + (ie.field() != null ? ie.field() + ": " : "")
            + ie.getMessage());
        return ie.exitCode();
      }
      throw e;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
