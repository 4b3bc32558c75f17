package org.itinera.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * Derives the emotion from the sentiment label and a cue lexicon ({@code emotion-cues.tsv}).
 * There is no licensed emotion-labelled Korean corpus to train on, and the categories a journey
 * map needs split negative feeling three ways, so: a positive text is joy; a negative (or neutral)
 * text takes the negative emotion whose cues it contains most ("짜증", "worried", "실망"); a
 * negative text with no cue is anxiety when it asks something (worry is mostly voiced as a
 * question), frustration when strongly negative, else disappointment. Cues are substrings of the
 * normalised text; English cues must start at a word boundary so "hate" does not fire in "whatever".
 */
final class EmotionRules {
  private static final String RESOURCE = "/org/itinera/text/emotion-cues.tsv";
  /** Score below which an uncued negative text reads as frustration rather than disappointment. */
  private static final double STRONG_NEGATIVE = -0.75;

  private final String[][] cues = new String[Lang.values().length][];
  private final Emotion[][] emotions = new Emotion[Lang.values().length][];

  private EmotionRules() {}

  static EmotionRules fromClasspath() {
    EmotionRules rules = new EmotionRules();
    List<List<String>> cueLists = new ArrayList<>();
    List<List<Emotion>> emotionLists = new ArrayList<>();
    for (int i = 0; i < Lang.values().length; i++) {
      cueLists.add(new ArrayList<>());
      emotionLists.add(new ArrayList<>());
    }
    try (InputStream in = EmotionRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ItineraException(ErrorCode.INTERNAL, RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new ItineraException(ErrorCode.INTERNAL,
              RESOURCE + " line " + lineNo + " has " + f.length + " fields; expected 3");
        }
        int lang = Lang.ofCode(f[0]).ordinal();
        cueLists.get(lang).add(f[2]);
        emotionLists.get(lang).add(Emotion.valueOf(f[1].toUpperCase(Locale.ROOT)));
      }
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, null, "cannot read " + RESOURCE, e);
    }
    for (int i = 0; i < Lang.values().length; i++) {
      rules.cues[i] = cueLists.get(i).toArray(new String[0]);
      rules.emotions[i] = emotionLists.get(i).toArray(new Emotion[0]);
    }
    return rules;
  }

  /**
   * The emotion of a text with the given sentiment.
   *
   * @param norm the normalised text ({@link FeatureHasher#normalise}): lower-case, padded with
   *     spaces
   */
  Emotion emotion(CharSequence norm, Lang lang, SentimentLabel label, double score) {
    if (label == SentimentLabel.POSITIVE) {
      return Emotion.JOY;
    }
    if (lang == Lang.OTHER) {
      return label == SentimentLabel.NEGATIVE ? Emotion.DISAPPOINTMENT : Emotion.NEUTRAL;
    }
    int[] counts = new int[Emotion.values().length];
    String text = norm.toString();
    String[] langCues = cues[lang.ordinal()];
    Emotion[] langEmotions = emotions[lang.ordinal()];
    boolean wordStart = lang == Lang.EN;
    for (int i = 0; i < langCues.length; i++) {
      if (contains(text, langCues[i], wordStart)) {
        counts[langEmotions[i].ordinal()]++;
      }
    }
    Emotion best = null;
    int bestCount = 0;
    // Ties go to the first listed: anxiety and frustration ask for action, so they outrank.
    for (Emotion e : new Emotion[] {Emotion.ANXIETY, Emotion.FRUSTRATION, Emotion.DISAPPOINTMENT}) {
      if (counts[e.ordinal()] > bestCount) {
        best = e;
        bestCount = counts[e.ordinal()];
      }
    }
    if (label == SentimentLabel.NEUTRAL) {
      return best != null && bestCount > counts[Emotion.JOY.ordinal()] ? best : Emotion.NEUTRAL;
    }
    if (best != null) {
      return best;
    }
    if (text.indexOf('?') >= 0) {
      return Emotion.ANXIETY;
    }
    return score < STRONG_NEGATIVE ? Emotion.FRUSTRATION : Emotion.DISAPPOINTMENT;
  }

  private static boolean contains(String text, String cue, boolean wordStart) {
    int from = 0;
    while (true) {
      int at = text.indexOf(cue, from);
      if (at < 0) {
        return false;
      }
      if (!wordStart || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
        return true;
      }
      from = at + 1;
    }
  }
}
