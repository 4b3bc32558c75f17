package org.itinera.voice;

import java.util.List;
import java.util.Locale;
import org.itinera.ItineraException;
import org.itinera.store.Period;

/**
 * Which customer texts to look at. Null filters match everything.
 *
 * @param sentiment negative, neutral or positive (by the journal's thresholds), or null
 * @param contains words the text must contain (case-insensitive), or null
 * @param sort order of quotes: recent (newest first), negative or positive (strongest first)
 * @param stage journey stage id of the texts' events (see {@link StageColumn}), or null
 */
public record VoiceQuery(Period period, String channel, String topic, String emotion,
    String sentiment, String lang, String contains, String sort, int offset, int limit,
    String stage) {
  public static final int MAX_LIMIT = 200;
  static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");
  static final List<String> SORTS = List.of("recent", "negative", "positive");

  public VoiceQuery {
    period = period == null ? Period.ALL : period;
    channel = blankToNull(channel);
    topic = blankToNull(topic);
    emotion = blankToNull(emotion);
    lang = blankToNull(lang);
    contains = blankToNull(contains);
    stage = blankToNull(stage);
    sentiment = oneOf("sentiment", blankToNull(sentiment), SENTIMENTS);
    sort = sort == null || sort.isBlank() ? "recent" : oneOf("sort", sort, SORTS);
    if (offset < 0) {
      throw ItineraException.invalid("offset", "offset is " + offset + "; expected 0 or more");
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw ItineraException.invalid("limit", "limit is " + limit + "; expected 0 to " + MAX_LIMIT);
    }
  }

  /** Any stage. */
  public VoiceQuery(Period period, String channel, String topic, String emotion,
      String sentiment, String lang, String contains, String sort, int offset, int limit) {
    this(period, channel, topic, emotion, sentiment, lang, contains, sort, offset, limit, null);
  }

  /** Every text of the period, newest quotes first, 20 of them. */
  public static VoiceQuery of(Period period) {
    return new VoiceQuery(period, null, null, null, null, null, null, "recent", 0, 20);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String oneOf(String field, String value, List<String> allowed) {
    if (value == null) {
      return null;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw ItineraException.invalid(field, "'" + value + "' is not one of " + allowed);
    }
    return v;
  }
}
