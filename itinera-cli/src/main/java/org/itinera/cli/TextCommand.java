package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code itinera text}: sentiment of lines on stdin; training a sentiment model
 * ({@link TextTrainCommand}); topics and pain points of stored texts ({@link TextTopicsCommand});
 * re-scoring stored texts ({@link TextBackfillCommand}). Output goes to the command line's writer so tests can capture it; input is stdin unless a
 * test hands another stream to the constructor.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
    description = "Text analytics: sentiment, emotion and topics of customers' words (ko/en).",
    subcommands = {TextCommand.Sentiment.class, TextTrainCommand.class, TextTopicsCommand.class,
        TextBackfillCommand.class})
public final class TextCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  private final InputStream in;

  public TextCommand() {
    this(System.in);
  }

  TextCommand(InputStream in) {
    this.in = in;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code itinera text sentiment [--json] [--model FILE]}. */
  @Command(name = "sentiment", mixinStandardHelpOptions = true,
      description = "Reads texts, one per line, from stdin and writes one result per line: "
          + "label, score, emotion, lang and the text (TSV), or a JSON object with --json.")
  static final class Sentiment implements Callable<Integer> {
    @ParentCommand TextCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line: lang, score, label, "
        + "emotion, topics.")
    boolean json;

    @Option(names = "--model", paramLabel = "FILE",
        description = "A model written by 'itinera text train' (default: the shipped model).")
    Path model;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Use the model trained for this data directory ('itinera text train"
            + " --data DIR'), if any.")
    Path data;

    @Override
    public Integer call() throws IOException {
      TextAnalyzer analyzer = model != null ? TextAnalyzer.load(model)
          : data != null ? TextAnalyzer.forDataDir(data) : TextAnalyzer.load();
      PrintWriter out = spec.commandLine().getOut();
      BufferedReader reader = new BufferedReader(
          new InputStreamReader(parent.in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        TextAnalysis a = analyzer.analyze(line);
        double score = Math.round(a.score() * 10_000) / 10_000.0;
        if (json) {
          ObjectNode o = JSON.createObjectNode();
          o.put("lang", a.lang().code());
          o.put("score", score);
          o.put("label", a.label().code());
          o.put("emotion", a.emotion().code());
          o.putPOJO("topics", a.topics());
          out.println(JSON.writeValueAsString(o));
        } else {
          out.println(a.label().code() + "\t" + score + "\t" + a.emotion().code() + "\t"
              + a.lang().code() + "\t" + line);
        }
      }
      out.flush();
      return 0;
    }
  }
}
