package org.itinera.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Lucene analysis for both languages. Korean goes through Nori (its dictionary ships in the jar)
 * with inflected forms split into morphemes, so that {@code 재밌었다} yields the stem {@code 재밌}
 * tagged VA; compound nouns are split too and re-joined by the phrase extractor. English goes
 * through the standard tokenizer, possessive removal, lower-casing and a keyword-repeat before the
 * Porter stemmer, so each word arrives twice: as written, then stemmed. No stop words are removed
 * here: "not" and "but" carry sentiment.
 *
 * <p>Lucene's {@link Analyzer} keeps one token stream per thread, which makes this class safe to
 * share.
 */
final class Morphology {
  private static final Analyzer KOREAN = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new KoreanTokenizer(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, null,
          KoreanTokenizer.DecompoundMode.DISCARD, false, true);
      return new TokenStreamComponents(tokenizer);
    }
  };
  private static final Analyzer ENGLISH = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream s = new EnglishPossessiveFilter(tokenizer);
      s = new LowerCaseFilter(s);
      s = new KeywordRepeatFilter(s);
      s = new PorterStemFilter(s);
      return new TokenStreamComponents(tokenizer, s);
    }
  };

  private Morphology() {}

  static void tokenize(String text, Lang lang, Tokens out) {
    out.clear(lang);
    try {
      if (lang == Lang.KO) {
        korean(text, out);
      } else {
        english(text, out);
      }
    } catch (IOException e) {
      // Reading from a String cannot fail; Lucene declares it for readers in general.
      throw new UncheckedIOException(e);
    }
  }

  private static void korean(String text, Tokens out) throws IOException {
    try (TokenStream ts = KOREAN.tokenStream("", text)) {
      CharTermAttribute term = ts.getAttribute(CharTermAttribute.class);
      PartOfSpeechAttribute pos = ts.getAttribute(PartOfSpeechAttribute.class);
      OffsetAttribute offset = ts.getAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        POS.Tag tag = pos.getLeftPOS();
        String t = term.toString();
        if (tag == POS.Tag.SL) {
          t = t.toLowerCase(Locale.ROOT);
        }
        out.add(t, t, tag, offset.startOffset(), offset.endOffset());
      }
      ts.end();
    }
  }

  private static void english(String text, Tokens out) throws IOException {
    try (TokenStream ts = ENGLISH.tokenStream("", text)) {
      CharTermAttribute term = ts.getAttribute(CharTermAttribute.class);
      KeywordAttribute keyword = ts.getAttribute(KeywordAttribute.class);
      OffsetAttribute offset = ts.getAttribute(OffsetAttribute.class);
      ts.reset();
      String surface = null;
      while (ts.incrementToken()) {
        if (keyword.isKeyword()) {
          surface = term.toString();
        } else {
          String stem = term.toString();
          out.add(stem, surface == null ? stem : surface, null, offset.startOffset(),
              offset.endOffset());
          surface = null;
        }
      }
      ts.end();
    }
  }
}
