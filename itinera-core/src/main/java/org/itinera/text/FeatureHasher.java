package org.itinera.text;

import java.util.Arrays;

/**
 * Turns a tokenised text into hashed feature ids (the "hashing trick"): no vocabulary to ship,
 * and unseen words still land somewhere. Features, each hashed with its own seed so that kinds
 * never share an id by construction:
 *
 * <ul>
 *   <li>character n-grams of the normalised text (lower-cased, runs of one character cut to two
 *       so "ㅋㅋㅋㅋ" and "!!!!!" look like "ㅋㅋ" and "!!", spaces kept as boundaries);</li>
 *   <li>token unigrams and bigrams: Nori morphemes with their part of speech, or English stems;</li>
 *   <li>for English, stems inside a negation scope ("not ... ," "never ...") as separate features;
 *   <li>one "positive word" or "negative word" feature per {@link SentimentLexicon} hit, with
 *       negation flipping it;</li>
 *   <li>one per-language bias feature.</li>
 * </ul>
 *
 * <p>Ids are full 32-bit hashes; each model head masks them to its own table size. The ids are
 * specified by this code, so changing it invalidates trained models: {@link #VERSION} is written
 * into model files and checked on load.
 */
final class FeatureHasher {
  static final int VERSION = 2;
  private static final int SEED_CHAR = 0x2F0B3C11;
  private static final int SEED_TOKEN = 0x51ED270B;
  private static final int SEED_BIGRAM = 0x6C8E9CF5;
  private static final int SEED_NEGATED = 0x1B873593;
  private static final int SEED_LANG = 0x7FEB352D;
  private static final int SEED_LEXICON = 0x2C1B3C6D;
  /**
   * A lexicon hit is emitted this many times. Every feature of a text is worth 1/sqrt(n), and a
   * sentence has a few hundred character n-grams, so a single copy would weigh too little to
   * carry a word the corpora rarely contain.
   */
  private static final int LEXICON_REPEAT = 8;

  final int charMinKo;
  final int charMaxKo;
  final int charMinEn;
  final int charMaxEn;
  final SentimentLexicon lexicon;

  FeatureHasher(int charMinKo, int charMaxKo, int charMinEn, int charMaxEn) {
    this.lexicon = SentimentLexicon.get();
    this.charMinKo = charMinKo;
    this.charMaxKo = charMaxKo;
    this.charMinEn = charMinEn;
    this.charMaxEn = charMaxEn;
  }

  /** The features of one text; {@code norm} is scratch space reused across calls. */
  void extract(String text, Tokens tokens, Features out, StringBuilder norm) {
    out.size = 0;
    out.add(mix(SEED_LANG + tokens.lang.ordinal()));
    normalise(text, norm);
    boolean ko = tokens.lang == Lang.KO;
    charGrams(norm, ko ? charMinKo : charMinEn, ko ? charMaxKo : charMaxEn, out);
    int prev = 0x3C6EF372; // start-of-text marker for the first bigram
    boolean negated = false;
    for (int i = 0; i < tokens.size; i++) {
      int h = hash(tokens.term[i], SEED_TOKEN + (tokens.tag[i] == null ? 0 : tokens.tag[i].ordinal()));
      out.add(h);
      out.add(mix(prev * 31 + h + SEED_BIGRAM));
      prev = h;
      if (!ko) {
        if (negated && i > 0 && clauseBreak(text, tokens.end[i - 1], tokens.start[i])) {
          negated = false;
        }
        if (negated) {
          out.add(mix(h ^ SEED_NEGATED));
        }
        if (isNegator(tokens.surface[i])) {
          negated = true;
        }
      }
      int polarity = lexicon.polarity(tokens, i, negated);
      if (polarity != 0) {
        int id = mix(SEED_LEXICON + tokens.lang.ordinal() * 2 + (polarity > 0 ? 0 : 1));
        for (int k = 0; k < LEXICON_REPEAT; k++) {
          out.add(id);
        }
      }
    }
  }

  private static boolean clauseBreak(String text, int from, int to) {
    for (int i = from; i < to && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':') {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> NEGATORS = java.util.Set.of("not", "no", "never",
      "nothing", "nobody", "none", "nor", "cannot", "without", "hardly", "barely", "neither",
      "dont", "didnt", "cant", "wont", "isnt", "wasnt", "doesnt");

  /** A word that opens a negation scope; apostrophe-less forms are how people type in chats. */
  private static boolean isNegator(String w) {
    return w.endsWith("n't") || NEGATORS.contains(w);
  }

  /** Lower-cases, squeezes whitespace to one space and cuts runs of a character to two. */
  static void normalise(String text, StringBuilder out) {
    out.setLength(0);
    out.append(' ');
    char last = ' ';
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (Character.isWhitespace(c)) {
        c = ' ';
      }
      run = c == last ? run + 1 : 1;
      if (run > 2 || (c == ' ' && run > 1)) {
        continue;
      }
      out.append(c);
      last = c;
    }
    if (last != ' ') {
      out.append(' ');
    }
  }

  private static void charGrams(CharSequence s, int min, int max, Features out) {
    int len = s.length();
    for (int i = 0; i < len; i++) {
      int h = SEED_CHAR;
      for (int n = 1; n <= max && i + n <= len; n++) {
        h = (h ^ s.charAt(i + n - 1)) * 0x01000193;
        if (n >= min && !(n == 1 && s.charAt(i) == ' ')) {
          out.add(mix(h + n));
        }
      }
    }
  }

  static int hash(String s, int seed) {
    int h = seed ^ 0x811C9DC5;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return mix(h);
  }

  /** Murmur3's finaliser: spreads FNV's weak low bits over the whole word before masking. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  /** A growable list of feature ids. */
  static final class Features {
    int[] ids = new int[256];
    int size;

    void add(int id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }
  }
}
