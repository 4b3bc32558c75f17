package org.itinera.journal;

import java.util.List;

/** A customer's journal: profile card, timeline of episodes and the story, in one language. */
public record Journal(ProfileCard profile, List<Episode> timeline, List<StorySentence> story,
    Lang lang, int eventCount) {
  public Journal {
    timeline = List.copyOf(timeline);
    story = List.copyOf(story);
  }
}
