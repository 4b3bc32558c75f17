package org.itinera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.text.LabelledText;
import org.itinera.text.SentimentLabel;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;
import org.itinera.text.TrainOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code itinera text}: sentiment of lines on stdin, and training a sentiment model from labelled
 * files. Output goes to the command line's writer so tests can capture it; input is stdin unless a
 * test hands another stream to the constructor.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
    description = "Text analytics: sentiment, emotion and topics of customers' words (ko/en).",
    subcommands = {TextCommand.Sentiment.class, TextCommand.Train.class})
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

    @Override
    public Integer call() throws IOException {
      TextAnalyzer analyzer = model == null ? TextAnalyzer.load() : TextAnalyzer.load(model);
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

  /** {@code itinera text train --from FILE... [--out MODEL]}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Trains a sentiment model from TSV files of text<TAB>label (label: negative,"
          + " neutral or positive; or -1, 0, 1; # starts a comment) and writes it to --out.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", arity = "1..*", required = true,
        description = "Labelled TSV files.")
    List<Path> from;

    @Option(names = "--out", paramLabel = "MODEL", defaultValue = "sentiment-model.bin.gz",
        description = "Where to write the model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--binary", description = "Labels are 0 (negative) and 1 (positive), as in"
        + " the UCI sentence files, instead of -1/0/1.")
    boolean binary;

    @Option(names = "--epochs",
        description = "Passes over the data (default: 6, or 5 with --adapt).")
    Integer epochs;

    @Option(names = "--adapt", description = "Adapt the shipped model (or --base) to the files"
        + " instead of training from scratch: a few hundred texts of your own are enough.")
    boolean adapt;

    @Option(names = "--base", paramLabel = "MODEL",
        description = "With --adapt: the model to start from (default: the shipped model).")
    Path base;

    @Option(names = "--test", paramLabel = "FILE",
        description = "A labelled TSV file, kept out of training, to report accuracy on.")
    Path test;

    @Override
    public Integer call() {
      PrintWriter w = spec.commandLine().getOut();
      List<LabelledText> rows = new ArrayList<>();
      for (Path file : from) {
        rows.addAll(read(file, binary));
      }
      Map<SentimentLabel, Integer> counts = new EnumMap<>(SentimentLabel.class);
      rows.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
      w.printf(Locale.ROOT, "read %d labelled texts %s%n", rows.size(), counts);
      if (base != null && !adapt) {
        throw ItineraException.invalid("--base", "--base " + base + " was given without --adapt;"
            + " add --adapt to start from that model");
      }
      long t0 = System.nanoTime();
      TextAnalyzer analyzer;
      if (adapt) {
        TrainOptions options = TrainOptions.forAdapting();
        TextAnalyzer start = base == null ? TextAnalyzer.load() : TextAnalyzer.load(base);
        analyzer = start.adapt(rows, epochs == null ? options : options.withEpochs(epochs));
      } else {
        TrainOptions options = TrainOptions.defaults();
        analyzer = TextAnalyzer.train(rows, epochs == null ? options : options.withEpochs(epochs));
      }
      analyzer.save(out);
      w.printf(Locale.ROOT, "%s in %.1f s; model written to %s%n", adapt ? "adapted" : "trained",
          (System.nanoTime() - t0) / 1e9, out);
      if (test != null) {
        List<LabelledText> held = read(test, binary);
        int correct = 0;
        for (LabelledText r : held) {
          correct += analyzer.analyze(r.text()).label() == r.label() ? 1 : 0;
        }
        w.printf(Locale.ROOT, "accuracy on %s: %.4f (%d texts)%n", test,
            correct / (double) Math.max(1, held.size()), held.size());
      }
      w.flush();
      return 0;
    }
  }

  /** Reads {@code text<TAB>label} lines; the label is the last column. */
  static List<LabelledText> read(Path file, boolean binary) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "--from", "file " + file + " does not exist");
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "--from",
          "cannot read " + file + ": " + e.getMessage(), e);
    }
    List<LabelledText> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      String where = file + " line " + (i + 1);
      if (tab <= 0) {
        throw ItineraException.invalid(where, where + " has no text<TAB>label; got '"
            + abbreviate(line) + "'");
      }
      String label = line.substring(tab + 1).trim();
      String text = line.substring(0, tab).trim();
      SentimentLabel parsed;
      try {
        parsed = binary ? binaryLabel(label) : SentimentLabel.parse(label);
      } catch (ItineraException e) {
        throw ItineraException.invalid(where, where + ": " + e.getMessage());
      }
      if (text.isEmpty()) {
        throw ItineraException.invalid(where, where + " has an empty text");
      }
      rows.add(new LabelledText(text, parsed, 1.0, file.getFileName().toString()));
    }
    return rows;
  }

  private static SentimentLabel binaryLabel(String label) {
    return switch (label) {
      case "0" -> SentimentLabel.NEGATIVE;
      case "1" -> SentimentLabel.POSITIVE;
      default -> throw ItineraException.invalid("label",
          "label was '" + label + "'; expected 0 or 1 with --binary");
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
