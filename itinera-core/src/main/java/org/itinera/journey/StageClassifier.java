package org.itinera.journey;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itinera.sequence.EventMatcher;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Vocabulary;

/**
 * A journey model compiled against one vocabulary: which rule (hence stage and touchpoint) an event
 * falls under, and whether it is a goal.
 *
 * <p>For each event class the candidate rules are precomputed: the rules whose name, type and
 * channel conditions accept the class, in order, up to the first one without property conditions
 * (which always matches, so later rules can never win). Most classes have exactly one candidate, so
 * classifying an event is one table lookup; property conditions are checked only where present.
 */
public final class StageClassifier implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[][] candidates;
  private final EventMatcher[] rules;
  private final int[] ruleStage;
  private final int[] ruleTouchpoint;
  private final int[] channelTouchpoint;
  private final List<String> touchpoints;
  private final EventMatcher[] goals;
  /** Per class: 0 never a goal, 1 always, 2 depends on property flags. */
  private final byte[] goalOfClass;
  private final int[] channelTouchpointOfClass;
  /** Per class: the rule its events always fall under, -1 for none, or {@link #VARIES}. */
  private final int[] fixedRule;

  /** {@link #fixedRule} of a class whose events' rule depends on their properties. */
  public static final int VARIES = -2;

  StageClassifier(JourneyModel model, Vocabulary vocabulary) {
    Map<String, Integer> tpIds = new LinkedHashMap<>();
    int n = model.rules().size();
    rules = new EventMatcher[n];
    ruleStage = new int[n];
    ruleTouchpoint = new int[n];
    for (int r = 0; r < n; r++) {
      StageRule rule = model.rules().get(r);
      rules[r] = rule.when().compile(vocabulary);
      ruleStage[r] = model.stageIndex(rule.stage());
      ruleTouchpoint[r] = rule.touchpoint() == null ? -1
          : tpIds.computeIfAbsent(rule.touchpoint(), k -> tpIds.size());
    }
    channelTouchpoint = new int[vocabulary.channels().size()];
    // Channels in name order, not dictionary order, so that touchpoint ids (and the order of
    // results that follow them) are the same on every engine, whatever order it met channels in.
    java.util.stream.IntStream.range(0, channelTouchpoint.length).boxed()
        .sorted(java.util.Comparator.comparing(vocabulary::channel))
        .forEach(c -> channelTouchpoint[c] =
            tpIds.computeIfAbsent(vocabulary.channel(c), k -> tpIds.size()));
    touchpoints = List.copyOf(tpIds.keySet());
    candidates = new int[vocabulary.classCount()][];
    for (int cls = 0; cls < candidates.length; cls++) {
      List<Integer> list = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        if (rules[r].acceptsClass(cls)) {
          list.add(r);
          if (rules[r].classOnly()) {
            break;
          }
        }
      }
      candidates[cls] = list.stream().mapToInt(Integer::intValue).toArray();
    }
    goals = model.goals().stream().map(g -> g.when().compile(vocabulary))
        .toArray(EventMatcher[]::new);
    goalOfClass = new byte[candidates.length];
    channelTouchpointOfClass = new int[candidates.length];
    for (int cls = 0; cls < candidates.length; cls++) {
      for (EventMatcher g : goals) {
        if (g.acceptsClass(cls)) {
          goalOfClass[cls] = (byte) Math.max(goalOfClass[cls], g.classOnly() ? 1 : 2);
        }
      }
      channelTouchpointOfClass[cls] = channelTouchpoint[vocabulary.channelOfClass(cls)];
    }
    fixedRule = new int[candidates.length];
    for (int cls = 0; cls < candidates.length; cls++) {
      int[] c = candidates[cls];
      fixedRule[cls] = c.length == 0 ? -1 : rules[c[0]].classOnly() ? c[0] : VARIES;
    }
  }

  /**
   * The rule every event of this class falls under whatever its properties, -1 when no rule can
   * match it, or {@link #VARIES} when property conditions decide (then ask {@link #rule}).
   */
  public int fixedRule(int eventClass) {
    return fixedRule[eventClass];
  }

  /** {@link #rule(EventSequence, int)} for an event whose class the caller already read. */
  public int rule(EventSequence events, int i, int eventClass) {
    int[] c = candidates[eventClass];
    if (c.length == 1 && rules[c[0]].classOnly()) {
      return c[0];
    }
    for (int r : c) {
      if (rules[r].classOnly() || rules[r].test(events, i)) {
        return r;
      }
    }
    return -1;
  }

  /** The touchpoint of an event of this class under {@code rule}: the rule's, else the channel. */
  public int touchpointOf(int eventClass, int rule) {
    int tp = rule < 0 ? -1 : ruleTouchpoint[rule];
    return tp >= 0 ? tp : channelTouchpointOfClass[eventClass];
  }

  /** {@link #isGoal(EventSequence, int)} for an event of class {@code eventClass}. */
  public boolean isGoal(EventSequence events, int i, int eventClass) {
    byte g = goalOfClass[eventClass];
    return g == 1 || (g == 2 && isGoal(events, i));
  }

  /** The index of the rule event {@code i} falls under, or -1 when none matches. */
  public int rule(EventSequence events, int i) {
    return rule(events, i, events.eventClass(i));
  }

  /** The stage index of a rule from {@link #rule}. */
  public int stageOfRule(int rule) {
    return ruleStage[rule];
  }

  /** Touchpoint names by id: the rules' touchpoints, then every channel. */
  public List<String> touchpoints() {
    return touchpoints;
  }

  /** Whether event {@code i} meets any goal. */
  public boolean isGoal(EventSequence events, int i) {
    for (EventMatcher g : goals) {
      if (g.test(events, i)) {
        return true;
      }
    }
    return false;
  }
}
