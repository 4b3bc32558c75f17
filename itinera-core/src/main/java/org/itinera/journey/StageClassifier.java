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
    for (int c = 0; c < channelTouchpoint.length; c++) {
      channelTouchpoint[c] = tpIds.computeIfAbsent(vocabulary.channel(c), k -> tpIds.size());
    }
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
  }

  /** The index of the rule event {@code i} falls under, or -1 when none matches. */
  public int rule(EventSequence events, int i) {
    int[] c = candidates[events.eventClass(i)];
    for (int r : c) {
      if (rules[r].classOnly() || rules[r].test(events, i)) {
        return r;
      }
    }
    return -1;
  }

  /** The stage index of a rule from {@link #rule}. */
  public int stageOfRule(int rule) {
    return ruleStage[rule];
  }

  /** The touchpoint id of event {@code i} under {@code rule}: the rule's, else the channel's. */
  public int touchpoint(EventSequence events, int i, int rule) {
    int tp = rule < 0 ? -1 : ruleTouchpoint[rule];
    return tp >= 0 ? tp : channelTouchpoint[events.channel(i)];
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
