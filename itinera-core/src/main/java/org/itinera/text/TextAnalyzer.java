package org.itinera.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.event.Event;

/**
 * The entry point of text analytics: language, sentiment, emotion and key phrases of a customer's
 * text, from a model that ships in the jar ({@link #load()}) or one trained with {@link #train}.
 *
 * <p>Thread-safe: the model is immutable and each thread gets its own tokenizer and buffers, so
 * one instance serves a whole ingest pipeline. Texts longer than {@link #MAX_CHARS} are analysed
 * on their first {@code MAX_CHARS} characters, which bounds the cost of one pathological input.
 */
public final class TextAnalyzer {
  /** Analysis looks at no more than this many characters of a text. */
  public static final int MAX_CHARS = 5_000;
  /** At most this many key phrases per text. */
  public static final int MAX_TOPICS = 8;
  /** Without a neutral head, scores closer to 0 than this are labelled neutral. */
  static final double NEUTRAL_BAND = 0.2;
  /** A data directory's own model, relative to the directory. */
  static final String DATA_DIR_MODEL = "text/sentiment-model.bin.gz";

  private static volatile TextAnalyzer shipped;

  private final SentimentModel model;
  private final EmotionRules emotionRules;
  private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

  TextAnalyzer(SentimentModel model) {
    this.model = Objects.requireNonNull(model, "model");
    this.emotionRules = EmotionRules.fromClasspath();
  }

  /** The analyzer with the model shipped in the jar; loaded once, then shared. */
  public static TextAnalyzer load() {
    TextAnalyzer a = shipped;
    if (a == null) {
      synchronized (TextAnalyzer.class) {
        a = shipped;
        if (a == null) {
          a = new TextAnalyzer(SentimentModel.fromClasspath());
          shipped = a;
        }
      }
    }
    return a;
  }

  /** An analyzer with a model file written by {@link #save} (e.g. by {@code itinera text train}). */
  public static TextAnalyzer load(Path modelFile) {
    try (InputStream in = Files.newInputStream(modelFile)) {
      return new TextAnalyzer(SentimentModel.read(in, modelFile.toString()));
    } catch (NoSuchFileException e) {
      throw new ItineraException(ErrorCode.NOT_FOUND, "model",
          "model file " + modelFile + " does not exist");
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "model",
          "cannot read model file " + modelFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where a data directory keeps its own model ({@code DIR/text/sentiment-model.bin.gz}), as
   * written by {@code itinera text train --data DIR}.
   */
  public static Path modelOf(Path dataDir) {
    return dataDir.resolve(DATA_DIR_MODEL);
  }

  /**
   * The analyzer for a data directory: its own model ({@link #modelOf}) when there is one, else
   * the shipped model. Ingest, backfill and topic analysis of that directory all load it so.
   */
  public static TextAnalyzer forDataDir(Path dataDir) {
    Path own = modelOf(dataDir);
    return Files.isRegularFile(own) ? load(own) : load();
  }

  /**
   * Trains a new model on labelled texts (reads them once) and returns an analyzer using it. The
   * same data in the same order with the same options gives the same model.
   */
  public static TextAnalyzer train(Iterable<LabelledText> data, TrainOptions options) {
    return new TextAnalyzer(SentimentTraining.train(data, options));
  }

  /**
   * An analyzer whose model is this one's, adapted to labelled texts: training starts from this
   * model's weights and keeps its feature settings and table sizes ({@code options}' bits are
   * ignored), so a few hundred texts from a user's own domain (e.g. weak labels from ratings,
   * {@link LabelledText#fromRating}) shift it without the corpora it was first trained on. Use
   * {@link TrainOptions#forAdapting()}. This analyzer is unchanged.
   */
  public TextAnalyzer adapt(Iterable<LabelledText> data, TrainOptions options) {
    return new TextAnalyzer(SentimentTraining.train(data, options, model));
  }

  /** Writes this analyzer's model so that {@link #load(Path)} can read it back. */
  public void save(Path modelFile) {
    try {
      Path parent = modelFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(modelFile)) {
        model.write(out);
      }
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "out",
          "cannot write model file " + modelFile + ": " + e.getMessage(), e);
    }
  }

  /** Language, sentiment, emotion and key phrases of one text. */
  public TextAnalysis analyze(String text) {
    Workspace w = run(text);
    List<String> topics = KeyPhrases.extract(w.text, w.tokens, MAX_TOPICS);
    return new TextAnalysis(w.tokens.lang, w.score, w.label, w.emotion, topics);
  }

  /**
   * The event with what its text says ({@code lang}, {@code sentiment}, {@code emotion},
   * {@code topics}); unchanged when it carries no text. Ingest and backfill call this, e.g. as
   * {@code TextEnricher enricher = TextAnalyzer.load()::enrich}.
   */
  public Event enrich(Event event) {
    if (event.text() == null || event.text().isBlank()) {
      return event;
    }
    TextAnalysis a = analyze(event.text());
    return event.withTextAnalysis(a.lang().code(), a.score(), a.emotion().code(), a.topics());
  }

  /** Language and key phrases only, for topic analysis of texts already scored. */
  public List<String> keyPhrases(String text) {
    Workspace w = workspace.get();
    w.text = clip(text);
    Lang lang = LanguageDetector.detect(w.text);
    Morphology.tokenize(w.text, lang, w.tokens);
    return KeyPhrases.extract(w.text, w.tokens, MAX_TOPICS);
  }

  private Workspace run(String text) {
    Workspace w = workspace.get();
    w.text = clip(text);
    Lang lang = LanguageDetector.detect(w.text);
    Morphology.tokenize(w.text, lang, w.tokens);
    if (lang == Lang.OTHER) {
      w.score = 0;
      w.label = SentimentLabel.NEUTRAL;
      w.emotion = Emotion.NEUTRAL;
      return w;
    }
    model.hasher.extract(w.text, w.tokens, w.features, w.norm);
    double p = sigmoid(model.polarity.logit(w.features.ids, w.features.size));
    double pos;
    double neg;
    double neu;
    if (model.neutral != null) {
      double n = sigmoid(model.neutral.logit(w.features.ids, w.features.size));
      pos = (1 - n) * p;
      neg = (1 - n) * (1 - p);
      neu = n;
    } else {
      pos = p;
      neg = 1 - p;
      neu = Math.abs(pos - neg) < NEUTRAL_BAND ? 1 : 0;
    }
    w.score = Math.max(-1, Math.min(1, pos - neg));
    w.label = neu >= pos && neu >= neg ? SentimentLabel.NEUTRAL
        : pos >= neg ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
    w.emotion = emotionRules.emotion(w.norm, lang, w.label, w.score);
    return w;
  }

  private static String clip(String text) {
    if (text == null) {
      throw ItineraException.invalid("text", "text was null; expected a string");
    }
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Per-thread scratch space. */
  private static final class Workspace {
    final Tokens tokens = new Tokens();
    final FeatureHasher.Features features = new FeatureHasher.Features();
    final StringBuilder norm = new StringBuilder(128);
    String text;
    double score;
    SentimentLabel label;
    Emotion emotion;
  }
}
