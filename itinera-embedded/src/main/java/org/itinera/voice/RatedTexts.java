package org.itinera.voice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.store.EventKinds;
import org.itinera.text.LabelledText;

/**
 * Weak sentiment labels from the store: every event that carries both a text and a rating (a
 * review with its stars, an NPS or CSAT answer with its comment) becomes a {@link LabelledText}
 * by {@link LabelledText#fromRating}. NPS answers ({@link EventKinds#NPS}) are read on the 0-10
 * scale; CSAT answers ({@link EventKinds#CSAT}) and reviews (type {@code review} or a name with
 * "review") rated 1 to 5 as stars; any other rating (CES, a custom scale) is skipped, since what
 * its numbers mean is unknown.
 *
 * @param texts the labelled texts, in the order they were stored
 * @param stars texts labelled from 1-5 review stars or CSAT
 * @param nps texts labelled from NPS
 * @param skipped texts with a rating on no known scale
 */
public record RatedTexts(List<LabelledText> texts, int stars, int nps, int skipped) {
  public RatedTexts {
    texts = List.copyOf(texts);
  }

  public static RatedTexts read(Connection c) {
    List<LabelledText> out = new ArrayList<>();
    int stars = 0;
    int nps = 0;
    int skipped = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT text, rating, CASE WHEN "
        + EventKinds.NPS + " THEN 10 WHEN " + EventKinds.CSAT + " OR ((type = 'review'"
        + " OR lower(coalesce(name, '')) LIKE '%review%') AND rating BETWEEN 1 AND 5) THEN 5"
        + " ELSE 0 END FROM events WHERE text IS NOT NULL AND trim(text) <> ''"
        + " AND rating IS NOT NULL ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String text = rs.getString(1);
        double rating = rs.getDouble(2);
        int scale = rs.getInt(3);
        if (scale == 10) {
          out.add(LabelledText.fromRating(text, rating, 10));
          nps++;
        } else if (scale == 5) {
          out.add(LabelledText.fromRating(text, rating, 5));
          stars++;
        } else {
          skipped++;
        }
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "cannot read rated texts: " + e.getMessage(), e);
    }
    return new RatedTexts(out, stars, nps, skipped);
  }
}
