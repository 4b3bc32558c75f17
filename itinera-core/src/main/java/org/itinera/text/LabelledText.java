package org.itinera.text;

import java.util.Objects;
import org.itinera.ItineraException;

/**
 * One training example: a text, its sentiment label and how much it counts.
 *
 * @param text the customer's words; must not be blank
 * @param label the gold (or weak) label
 * @param weight how much the example counts relative to others; positive. Use more than 1 for
 *     scarce in-domain rows that should outweigh a large out-of-domain corpus.
 * @param source the data set it came from. The neutral head learns only from sources that label
 *     some text neutral: a binary corpus (positive/negative only) says nothing about neutrality.
 */
public record LabelledText(String text, SentimentLabel label, double weight, String source) {
  public LabelledText {
    Objects.requireNonNull(label, "label");
    if (text == null || text.isBlank()) {
      throw ItineraException.invalid("text", "a training text was empty; expected words");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw ItineraException.invalid("weight", "weight was " + weight + "; expected > 0");
    }
    source = source == null ? "" : source;
  }

  public LabelledText(String text, SentimentLabel label) {
    this(text, label, 1.0, "");
  }

  /**
   * A weak label from a rating, as stored in the {@code rating} column: NPS 0-10 (0-6 detractor
   * negative, 7-8 passive neutral, 9-10 promoter positive) or stars/CSAT 1-5 (1-2 negative, 3
   * neutral, 4-5 positive). Weak labels are noisier than hand labels, so they count half.
   *
   * @param scale the top of the scale: 5 for stars and CSAT, 10 for NPS
   */
  public static LabelledText fromRating(String text, double rating, int scale) {
    SentimentLabel label;
    if (scale == 5 && rating >= 1 && rating <= 5) {
      label = rating <= 2 ? SentimentLabel.NEGATIVE
          : rating < 4 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
    } else if (scale == 10 && rating >= 0 && rating <= 10) {
      label = rating <= 6 ? SentimentLabel.NEGATIVE
          : rating < 9 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
    } else {
      throw ItineraException.invalid("rating", "rating was " + rating + " on scale " + scale
          + "; expected 1-5 on scale 5 or 0-10 on scale 10");
    }
    return new LabelledText(text, label, 0.5, "ratings");
  }
}
