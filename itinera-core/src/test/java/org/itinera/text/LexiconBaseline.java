package org.itinera.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lexicon-only baseline the model is compared with: count the cue words of
 * emotion-cues.tsv (joy cues positive, every other emotion's cues negative) and go with the
 * larger count; with no cue or a tie, fall back to a given label.
 */
final class LexiconBaseline {
  private final List<String[]> cues = new ArrayList<>();

  LexiconBaseline() {
    try (InputStream in = LexiconBaseline.class.getResourceAsStream("emotion-cues.tsv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          cues.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SentimentLabel label(String text, SentimentLabel fallback) {
    int[] counts = counts(text);
    int pos = counts[Emotion.JOY.ordinal()];
    int neg = counts[Emotion.FRUSTRATION.ordinal()] + counts[Emotion.ANXIETY.ordinal()]
        + counts[Emotion.DISAPPOINTMENT.ordinal()];
    return pos > neg ? SentimentLabel.POSITIVE : neg > pos ? SentimentLabel.NEGATIVE : fallback;
  }

  Emotion emotion(String text) {
    int[] counts = counts(text);
    Emotion best = Emotion.NEUTRAL;
    for (Emotion e : Emotion.values()) {
      if (counts[e.ordinal()] > counts[best.ordinal()]) {
        best = e;
      }
    }
    return best;
  }

  private int[] counts(String text) {
    String lower = " " + text.toLowerCase(Locale.ROOT) + " ";
    int[] counts = new int[Emotion.values().length];
    for (String[] cue : cues) {
      int at = lower.indexOf(cue[2]);
      boolean english = cue[0].equals("en");
      while (at >= 0 && english && Character.isLetterOrDigit(lower.charAt(at - 1))) {
        at = lower.indexOf(cue[2], at + 1);
      }
      if (at >= 0) {
        counts[Emotion.valueOf(cue[1].toUpperCase(Locale.ROOT)).ordinal()]++;
      }
    }
    return counts;
  }
}
