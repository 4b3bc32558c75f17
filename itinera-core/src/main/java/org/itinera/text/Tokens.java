package org.itinera.text;

import java.util.Arrays;
import org.apache.lucene.analysis.ko.POS;

/**
 * The tokens of one text, in order: reused per thread so that tokenising allocates only the
 * strings themselves. For Korean a token is a Nori morpheme with its part of speech; for English
 * a word with its Porter stem ({@code tag} is null).
 */
final class Tokens {
  int size;
  Lang lang = Lang.OTHER;
  /** Feature form: Korean morpheme as analysed, English Porter stem; lower-cased. */
  String[] term = new String[64];
  /** Form shown to people: the morpheme, or the English word before stemming. */
  String[] surface = new String[64];
  POS.Tag[] tag = new POS.Tag[64];
  int[] start = new int[64];
  int[] end = new int[64];

  void clear(Lang newLang) {
    size = 0;
    lang = newLang;
  }

  void add(String t, String s, POS.Tag pos, int from, int to) {
    if (size == term.length) {
      int n = size * 2;
      term = Arrays.copyOf(term, n);
      surface = Arrays.copyOf(surface, n);
      tag = Arrays.copyOf(tag, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
    }
    term[size] = t;
    surface[size] = s;
    tag[size] = pos;
    start[size] = from;
    end[size] = to;
    size++;
  }

  boolean isNoun(int i) {
    POS.Tag t = tag[i];
    return t == POS.Tag.NNG || t == POS.Tag.NNP || t == POS.Tag.SL || t == POS.Tag.XR;
  }
}
