package org.itinera.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * General sentiment words ({@code sentiment-lexicon.tsv}) that the model sees as features: each
 * hit adds a "positive word" or "negative word" feature, flipped when negated. The model learns
 * how much one such word is worth from the whole corpus, so a word the corpora barely contain
 * ("furious" in movie reviews, "초조" anywhere) still counts. Korean entries are Nori stems
 * ({@code 좋} for 좋아요, {@code 실망} for 실망했어요); English entries are stemmed with the same
 * Porter chain as the text on load.
 *
 * <p>The file's CRC is written into every model, because editing the list changes the features a
 * model was trained on.
 */
final class SentimentLexicon {
  private static final String RESOURCE = "/org/itinera/text/sentiment-lexicon.tsv";
  private static volatile SentimentLexicon shared;

  /** Term to +1 (positive) or -1 (negative), per language ordinal. */
  private final Map<String, Integer>[] polarity;
  final long crc;

  @SuppressWarnings("unchecked")
  private SentimentLexicon(String content, long crc) {
    this.crc = crc;
    polarity = new Map[Lang.values().length];
    for (int i = 0; i < polarity.length; i++) {
      polarity[i] = new HashMap<>();
    }
    Tokens tokens = new Tokens();
    int lineNo = 0;
    for (String line : content.split("\n")) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3 || !(f[1].equals("pos") || f[1].equals("neg"))) {
        throw new ItineraException(ErrorCode.INTERNAL,
            RESOURCE + " line " + lineNo + " is not lang<TAB>pos|neg<TAB>term");
      }
      Lang lang = Lang.ofCode(f[0]);
      String term = f[2];
      if (lang == Lang.EN) {
        Morphology.tokenize(term, Lang.EN, tokens);
        term = tokens.size == 1 ? tokens.term[0] : term;
      }
      polarity[lang.ordinal()].put(term, f[1].equals("pos") ? 1 : -1);
    }
  }

  static SentimentLexicon get() {
    SentimentLexicon l = shared;
    if (l == null) {
      synchronized (SentimentLexicon.class) {
        if (shared == null) {
          shared = load();
        }
        l = shared;
      }
    }
    return l;
  }

  private static SentimentLexicon load() {
    try (InputStream in = SentimentLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ItineraException(ErrorCode.INTERNAL, RESOURCE + " is missing from the classpath");
      }
      byte[] bytes = in.readAllBytes();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      return new SentimentLexicon(new String(bytes, StandardCharsets.UTF_8), crc.getValue());
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, null, "cannot read " + RESOURCE, e);
    }
  }

  /** +1, -1 or 0 for token {@code i}; Korean hits flip under 안/못, -지 않다 or a 불-/무- prefix. */
  int polarity(Tokens t, int i, boolean englishNegated) {
    Integer p = polarity[t.lang.ordinal()].get(t.term[i]);
    if (p == null) {
      return 0;
    }
    boolean negated = t.lang == Lang.KO ? koreanNegated(t, i) : englishNegated;
    return negated ? -p : p;
  }

  private static boolean koreanNegated(Tokens t, int i) {
    if (i > 0 && (t.term[i - 1].equals("안") || t.term[i - 1].equals("못"))) {
      return true;
    }
    if (i > 0 && t.end[i - 1] == t.start[i]
        && (t.term[i - 1].equals("불") || t.term[i - 1].equals("무"))) {
      return true;
    }
    for (int k = i + 1; k < t.size && k <= i + 3; k++) {
      String term = t.term[k];
      if (term.equals("않") || term.equals("못") || term.equals("없")) {
        return true;
      }
    }
    return false;
  }
}
