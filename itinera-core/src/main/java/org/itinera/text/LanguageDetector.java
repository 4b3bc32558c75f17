package org.itinera.text;

import java.util.Set;

/**
 * Script-based language identification. Korean is written in Hangul, so counting scripts settles
 * ko against everything else; among Latin-script texts English is told from other languages by
 * function words and diacritics. This is cheap (one pass, no allocation but the word check) and
 * right for the texts Itinera sees; it does not try to name languages other than ko and en.
 */
final class LanguageDetector {
  private static final Set<String> ENGLISH_WORDS = Set.of(
      "the", "a", "an", "and", "is", "are", "was", "were", "i", "you", "it", "not", "no", "to",
      "of", "in", "on", "for", "my", "me", "this", "that", "with", "but", "be", "have", "has",
      "had", "do", "did", "does", "so", "very", "just", "we", "they", "your", "at", "can", "what",
      "when", "why", "how", "would", "will", "still", "been", "get", "got", "love", "great", "good",
      "bad", "thanks", "thank", "please", "order", "don't", "didn't", "can't", "won't", "it's",
      "i'm", "wasn't", "isn't", "too", "all", "out", "from", "or", "if", "there", "again", "never",
      "ok", "okay", "lol", "wtf", "omg", "pls", "thx", "u", "im", "dont", "cant");
  private static final Set<String> OTHER_WORDS = Set.of(
      "el", "la", "los", "las", "de", "del", "y", "es", "una", "que", "por", "muy", "le", "les",
      "des", "et", "est", "une", "pas", "pour", "avec", "der", "das", "und", "ist", "nicht",
      "ein", "eine", "mit", "sehr", "het", "een", "niet", "ik", "il", "che", "sono", "della",
      "uma", "não", "com", "och", "att", "ikke", "og", "zu");

  private LanguageDetector() {}

  static Lang detect(CharSequence text) {
    int hangul = 0;
    int latin = 0;
    int diacritic = 0;
    int otherLetters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E)
          || (c >= 0x1100 && c <= 0x11FF)) {
        hangul++;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        latin++;
      } else if (c >= 0xC0 && c <= 0x24F && Character.isLetter(c)) {
        latin++;
        diacritic++;
      } else if (Character.isLetter(c)) {
        otherLetters++;
      }
    }
    // A Hangul syllable carries about as much as three Latin letters, so Korean with a few
    // English words in it ("배송 너무 slow") stays Korean.
    if (hangul > 0 && hangul * 3 >= latin && hangul * 2 >= otherLetters) {
      return Lang.KO;
    }
    if (latin == 0 || latin < otherLetters * 2) {
      return Lang.OTHER;
    }
    int[] votes = functionWordVotes(text);
    if (votes[1] > votes[0] || (votes[0] == 0 && diacritic * 20 > latin)) {
      return Lang.OTHER;
    }
    return Lang.EN;
  }

  /** Counts English and non-English function words: {english, other}. */
  private static int[] functionWordVotes(CharSequence text) {
    int[] votes = new int[2];
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
      if (Character.isLetter(c) || c == '\'') {
        word.append(c);
        continue;
      }
      if (word.length() > 0) {
        String w = word.toString();
        if (ENGLISH_WORDS.contains(w)) {
          votes[0]++;
        } else if (OTHER_WORDS.contains(w)) {
          votes[1]++;
        }
        word.setLength(0);
      }
    }
    return votes;
  }
}
