package org.itinera.journal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itinera.ItineraException;
import org.itinera.event.Event;

/**
 * Builds a customer's journal from their events (any order; sorted here by time, ties in the
 * given order). The timeline groups events into episodes separated by {@code sessionGapMs} of
 * silence, marks stage changes, and attaches resolution times to resolved tickets.
 */
public final class JournalBuilder {
  public static final long DEFAULT_SESSION_GAP_MS = 30 * 60_000L;
  private final StageOf stages;
  private final long sessionGapMs;

  public JournalBuilder(StageOf stages, long sessionGapMs) {
    if (sessionGapMs <= 0) {
      throw ItineraException.invalid("sessionGap", "must be positive, was " + sessionGapMs);
    }
    this.stages = stages == null ? StageOf.NONE : stages;
    this.sessionGapMs = sessionGapMs;
  }

  /**
   * @param now the reference time for "inactive" and "has not been back since" (usually the
   *     newest event in the store, so a replayed demo reads the same any day)
   */
  public Journal build(String customerId, List<Event> events, Map<String, Object> traits,
      String persona, Lang lang, long now) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Event::ts));
    List<Touch> touches = new ArrayList<>(sorted.size());
    for (Event e : sorted) {
      touches.add(new Touch(e));
    }
    List<Episode> timeline = timeline(touches);
    Map<String, Entry> entries = new HashMap<>();
    String currentStage = null;
    for (Episode ep : timeline) {
      for (Entry en : ep.entries()) {
        entries.put(en.eventId(), en);
        if (en.stageEntered() != null) {
          currentStage = en.stageEntered();
        }
      }
    }
    ProfileCard profile = ProfileCards.of(customerId, touches, entries, traits, persona,
        currentStage, now);
    List<StorySentence> story = new StoryWriter(lang, touches, entries, profile, now).write();
    return new Journal(profile, timeline, story, lang, sorted.size());
  }

  private List<Episode> timeline(List<Touch> touches) {
    List<Episode> episodes = new ArrayList<>();
    List<Entry> current = new ArrayList<>();
    Set<String> channels = new LinkedHashSet<>();
    Map<String, Long> ticketOpened = new HashMap<>();
    String stage = null;
    long start = 0;
    long last = Long.MIN_VALUE;
    for (Touch t : touches) {
      Event e = t.event;
      if (!current.isEmpty() && e.ts() - last > sessionGapMs) {
        episodes.add(new Episode(episodes.size(), start, last, List.copyOf(channels), current));
        current = new ArrayList<>();
        channels.clear();
      }
      if (current.isEmpty()) {
        start = e.ts();
      }
      last = e.ts();
      if (e.channel() != null) {
        channels.add(e.channel());
      }
      String s = stages.stageOf(e);
      String entered = s != null && !s.equals(stage) ? s : null;
      if (s != null) {
        stage = s;
      }
      Long resolution = null;
      String ticket = t.ticketId();
      if (ticket != null) {
        if (t.ticketResolved()) {
          Long opened = ticketOpened.get(ticket);
          resolution = opened == null ? null : (e.ts() - opened) / 60_000L;
        } else {
          ticketOpened.putIfAbsent(ticket, e.ts());
        }
      }
      current.add(new Entry(e.eventId(), e.ts(), e.type(), e.name(), e.channel(), entered,
          e.text(), e.lang(), e.sentiment(), e.emotion(), e.rating(), e.revenue(), e.currency(),
          resolution));
    }
    if (!current.isEmpty()) {
      episodes.add(new Episode(episodes.size(), start, last, List.copyOf(channels), current));
    }
    return episodes;
  }
}
