package org.itinera.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ko.POS;

/**
 * Key phrases of one text, the raw material of topics and pain points.
 *
 * <p>Korean: runs of up to three nouns (NNG, NNP, foreign words, roots) become one noun phrase,
 * joined without a space when Nori split one word ({@code 고객센터}) and with one when they were
 * separate words ({@code 배송 조회}); a noun phrase followed within a few morphemes by a predicate
 * also yields a noun+predicate phrase in dictionary form ({@code 배송이 너무 느려요} gives
 * {@code 배송} and {@code 배송 느리다}), with a preceding 안/못 or a following 지 않다 kept as
 * {@code 안}, so "not arriving" stays apart from "arriving".
 *
 * <p>English has no part-of-speech tagger in Lucene, so phrases are RAKE-style chunks: runs of up
 * to three words between stop words and punctuation, with plural -s removed, skipping words that
 * only carry sentiment ("great", "terrible"), which are the sentiment model's job.
 */
final class KeyPhrases {
  private static final Set<String> KO_NOUN_STOP = Set.of(
      "거", "것", "때", "분", "점", "번", "중", "등", "곳", "전", "후", "쪽", "날", "데", "뭐", "이거",
      "그거", "저거", "여기", "거기", "오늘", "어제", "내일", "정도", "생각", "자기", "진짜", "정말",
      "최고", "최악", "대박", "감사", "만족", "실망", "걱정", "불안", "짜증", "ㅋㅋ", "ㅎㅎ", "ㅠㅠ",
      "처음", "이번", "다음", "지금", "하나", "제일", "완전", "개", "좀", "안", "못", "말", "일");
  private static final Set<String> KO_PRED_STOP = Set.of("하", "되", "있", "없", "이", "같", "보", "주",
      "드리", "싶", "않", "말", "지");
  private static final Set<String> EN_STOP = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
      "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
      "they", "this", "to", "was", "will", "with", "i", "me", "my", "mine", "you", "your", "we",
      "our", "us", "he", "she", "him", "her", "them", "his", "its", "it's", "i'm", "i've", "i'd",
      "i'll", "you're", "we're", "they're", "were", "been", "being", "am", "have", "has", "had",
      "do", "does", "did", "done", "get", "got", "gets", "just", "so", "very", "really", "too",
      "also", "can", "could", "would", "should", "shall", "may", "might", "must", "still",
      "even", "again", "already", "ever", "never", "what", "when", "where", "why", "how", "which",
      "who", "whom", "all", "any", "some", "more", "most", "much", "many", "one", "up", "out",
      "about", "after", "before", "over", "only", "than", "here", "now", "today", "yesterday",
      "tomorrow", "please", "thanks", "thank", "ok", "okay", "yes", "hi", "hello", "lol", "omg",
      "don't", "didn't", "can't", "won't", "doesn't", "isn't", "wasn't", "aren't", "haven't",
      "dont", "didnt", "cant", "wont", "im", "ive", "from", "because", "while", "though", "since",
      "until", "every", "each", "other", "another", "same", "own", "off", "down", "back", "like",
      "make", "made", "go", "went", "going", "come", "came", "want", "need", "know", "think",
      "say", "said", "tell", "told", "try", "tried", "let", "see", "look", "keep", "kept", "way",
      "thing", "things", "lot", "bit", "kind", "time", "times", "day", "days", "week", "weeks",
      "great", "good", "bad", "terrible", "awful", "amazing", "awesome", "excellent", "best",
      "worst", "nice", "love", "loved", "hate", "happy", "sad", "angry", "worried", "fine",
      "perfect", "poor", "horrible", "fast", "slow", "super", "pretty", "quite", "well", "wow",
      "ugh", "wtf", "smh", "tbh", "honestly", "seriously", "totally", "absolutely", "definitely",
      "finally", "actually", "literally", "basically", "sure", "guys", "people", "someone",
      "anyone", "nobody", "everyone", "something", "anything", "nothing", "everything",
      "pm", "etc", "via", "per", "tho", "u", "ur", "pls", "plz", "thx");

  private static final Set<String> EN_VERB_STOP = Set.of(
      "take", "takes", "took", "taken", "taking", "arrive", "arrives", "arrived", "arriving",
      "give", "gives", "gave", "given", "find", "found", "use", "used", "using", "worked",
      "working", "works", "called", "calling", "ask", "asked", "asking", "waited",
      "waiting", "receive", "received", "send", "sent", "sending", "buy", "bought", "pay", "paid",
      "ordered", "ordering", "happen", "happened", "seem", "seems", "seemed", "feel",
      "feels", "felt", "put", "keep", "keeps", "start", "started", "stop", "stopped", "show",
      "showed", "shows", "leave", "left", "become", "became", "forever", "ever", "always",
      "usually", "sometimes", "often", "soon", "later", "yet", "almost", "enough", "instead",
      "anyway", "maybe", "probably", "else", "already", "right", "away", "long", "far");

  private KeyPhrases() {}

  static List<String> extract(String text, Tokens t, int max) {
    List<String> out = new ArrayList<>();
    if (t.lang == Lang.KO) {
      korean(text, t, out, max);
    } else if (t.lang == Lang.EN) {
      english(text, t, out, max);
    }
    return out;
  }

  private static void korean(String text, Tokens t, List<String> out, int max) {
    int i = 0;
    while (i < t.size && out.size() < max) {
      if (!t.isNoun(i)) {
        i++;
        continue;
      }
      StringBuilder phrase = new StringBuilder(t.term[i]);
      StringBuilder word = new StringBuilder(t.term[i]);
      List<String> words = new ArrayList<>();
      int nouns = 1;
      int j = i + 1;
      while (j < t.size && t.isNoun(j) && nouns < 3 && onlySpaces(text, t.end[j - 1], t.start[j])) {
        if (t.start[j] > t.end[j - 1]) {
          phrase.append(' ');
          words.add(word.toString());
          word.setLength(0);
        }
        phrase.append(t.term[j]);
        word.append(t.term[j]);
        nouns++;
        j++;
      }
      words.add(word.toString());
      String noun = phrase.toString();
      if (nouns > 1 || (noun.length() > 1 || t.tag[i] == POS.Tag.SL) && !KO_NOUN_STOP.contains(noun)) {
        // "고객센터 연결" is a phrase, and each of its words a topic of its own, so that themes
        // count every text that names 고객센터, however it goes on.
        if (words.size() > 1) {
          for (String w : words) {
            if (w.length() > 1 && !KO_NOUN_STOP.contains(w)) {
              add(out, w, max);
            }
          }
        }
        add(out, noun, max);
        String predicate = predicateAfter(t, j);
        if (predicate != null) {
          add(out, noun + " " + predicate, max);
        }
      }
      i = j;
    }
  }

  /** The predicate governed by a noun phrase ending before {@code from}, in dictionary form. */
  private static String predicateAfter(Tokens t, int from) {
    boolean negated = false;
    for (int k = from; k < t.size && k < from + 4; k++) {
      POS.Tag tag = t.tag[k];
      String term = t.term[k];
      if (t.isNoun(k) && k > from) {
        return null;
      }
      if (tag == POS.Tag.MAG && (term.equals("안") || term.equals("못"))) {
        negated = true;
        continue;
      }
      if ((tag == POS.Tag.XSA || tag == POS.Tag.XSV) && k == from) {
        // A noun+하다 predicate is the noun itself ("친절하다"): its root already is the phrase.
        return null;
      }
      if ((tag == POS.Tag.VV || tag == POS.Tag.VA) && !KO_PRED_STOP.contains(term)) {
        boolean notAfter = k + 2 < t.size && t.term[k + 2].equals("않");
        return (negated || notAfter ? "안 " : "") + term + "다";
      }
      if (tag == POS.Tag.J || tag == POS.Tag.MAG || tag == POS.Tag.E) {
        continue;
      }
      return null;
    }
    return null;
  }

  private static boolean onlySpaces(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!Character.isWhitespace(text.charAt(k))) {
        return false;
      }
    }
    return to - from <= 1;
  }

  private static void english(String text, Tokens t, List<String> out, int max) {
    StringBuilder chunk = new StringBuilder();
    int words = 0;
    for (int i = 0; i <= t.size && out.size() < max; i++) {
      boolean skip = i == t.size || skipEnglish(t, i);
      boolean stop = skip || (i > 0 && !onlySpaces(text, t.end[i - 1], t.start[i]));
      if (stop || words == 3) {
        if (words > 0) {
          add(out, chunk.toString(), max);
        }
        chunk.setLength(0);
        words = 0;
        if (skip) {
          continue;
        }
      }
      String w = singular(t.surface[i]);
      if (w.length() < 2 || (words > 0 && chunk.toString().endsWith(w))) {
        continue;
      }
      if (words > 0) {
        chunk.append(' ');
      }
      chunk.append(w);
      words++;
    }
  }

  /**
   * Words that end a chunk: stop words, numbers, contractions, common verbs and adverbs, and any
   * sentiment-lexicon word (those carry feeling, which the sentiment model reports; a topic is
   * what the feeling is about).
   */
  private static boolean skipEnglish(Tokens t, int i) {
    String w = t.surface[i];
    return EN_STOP.contains(w) || EN_VERB_STOP.contains(w) || isNumber(w) || w.indexOf('\'') >= 0
        || SentimentLexicon.get().polarity(t, i, false) != 0;
  }

  private static boolean isNumber(String w) {
    for (int k = 0; k < w.length(); k++) {
      if (Character.isLetter(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static String singular(String w) {
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
        && !w.endsWith("is")) {
      return w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y" : w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static void add(List<String> out, String phrase, int max) {
    if (out.size() < max && !out.contains(phrase)) {
      out.add(phrase);
    }
  }
}
