package org.itinera.journeymap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.itinera.journey.Goal;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.Stage;
import org.itinera.journey.StageClassifier;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.Measure;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.Vocabulary;

/**
 * One pass per customer: classify each event (stage, touchpoint, goal), count cells and emotion,
 * and follow the customer's stage runs (consecutive events in one stage, unmapped events ignored)
 * for transitions and time in stage. Conversion needs "did a later stage follow the first entry",
 * answered at the end of the customer from each stage's first and last positions.
 */
final class JourneyMapAnalysis implements SequenceAnalysis<JourneyMapPartial, JourneyMapResult> {
  private static final long serialVersionUID = 1L;

  private final JourneyModel model;
  private final StageClassifier classifier;
  private final int stages;
  private final int tps;
  /** Per event class: its rule when properties cannot change it, else {@code VARIES}. */
  private final int[] ruleOfClass;
  /** Per event class: its touchpoint under that fixed rule. */
  private final int[] touchpointOfClass;

  JourneyMapAnalysis(JourneyModel model, Vocabulary vocabulary) {
    this.model = model;
    this.classifier = model.classifier(vocabulary);
    this.stages = model.stages().size();
    this.tps = classifier.touchpoints().size();
    this.ruleOfClass = new int[vocabulary.classCount()];
    this.touchpointOfClass = new int[vocabulary.classCount()];
    for (int cls = 0; cls < ruleOfClass.length; cls++) {
      ruleOfClass[cls] = classifier.fixedRule(cls);
      touchpointOfClass[cls] = ruleOfClass[cls] == StageClassifier.VARIES ? -1
          : classifier.touchpointOf(cls, ruleOfClass[cls]);
    }
  }

  @Override
  public JourneyMapPartial newPartial() {
    return new JourneyMapPartial(stages, tps);
  }

  @Override
  public void accept(JourneyMapPartial p, EventSequence events) {
    int n = events.size();
    int stamp = ++p.stamp;
    if (p.firstEntry == null) {
      p.firstEntry = new int[stages];
      p.lastPos = new int[stages];
    }
    int[] firstEntry = p.firstEntry;
    int[] lastPos = p.lastPos;
    Arrays.fill(firstEntry, -1);
    Arrays.fill(lastPos, -1);
    p.customers++;
    p.events += n;
    int run = -1;
    long runStart = 0;
    int lastGoal = -1;
    for (int i = 0; i < n; i++) {
      int cls = events.eventClass(i);
      int rule = rule(events, i, cls);
      int tp = touchpoint(cls, rule);
      p.touchpoints.add(tp, stamp);
      if (classifier.isGoal(events, i, cls)) {
        lastGoal = i;
      }
      if (rule < 0) {
        p.unmapped++;
        continue;
      }
      int st = classifier.stageOfRule(rule);
      int cell = st * tps + tp;
      p.cells.add(cell, stamp);
      if (firstEntry[st] < 0) {
        firstEntry[st] = i;
        p.reached[st]++;
      }
      lastPos[st] = i;
      if (st != run) {
        long t = events.ts(i);
        p.transitions.add((run + 1) * stages + st, stamp);
        if (run >= 0) {
          p.stay[run].add(t - runStart);
        }
        run = st;
        runStart = t;
      }
    }
    if (run >= 0) {
      p.customersInStages++;
    }
    emotion(p, events, n);
    int laterLast = -1;
    for (int st = stages - 1; st >= 0; st--) {
      if (firstEntry[st] >= 0) {
        if (laterLast > firstEntry[st]) {
          p.progressed[st]++;
        }
        if (lastGoal >= firstEntry[st]) {
          p.goal[st]++;
        }
      }
      laterLast = Math.max(laterLast, lastPos[st]);
    }
  }

  /**
   * Tallies the sentiment of the events that carry one, found through {@link
   * EventSequence#nextMeasured}: asking every event cost more than a quarter of the journey map's
   * CPU (a lookup, and a branch mispredicted on about every fifth event, where sentiment is on a
   * fifth of the events). Each tally receives its values in event order, as it did in the loop.
   */
  private void emotion(JourneyMapPartial p, EventSequence events, int n) {
    for (int i = events.nextMeasured(Measure.SENTIMENT, 0); i < n;
        i = events.nextMeasured(Measure.SENTIMENT, i + 1)) {
      double sentiment = events.measure(Measure.SENTIMENT, i);
      int cls = events.eventClass(i);
      int rule = rule(events, i, cls);
      int tp = touchpoint(cls, rule);
      p.touchpointEmotion.add(tp, sentiment);
      if (rule >= 0) {
        int st = classifier.stageOfRule(rule);
        p.stageEmotion.add(st, sentiment);
        p.cellEmotion.add(st * tps + tp, sentiment);
      }
    }
  }

  /** Event {@code i}'s rule: its class's when properties cannot change it. */
  private int rule(EventSequence events, int i, int cls) {
    int rule = ruleOfClass[cls];
    return rule == StageClassifier.VARIES ? classifier.rule(events, i, cls) : rule;
  }

  /** The touchpoint of an event of class {@code cls} under {@code rule}. */
  private int touchpoint(int cls, int rule) {
    return ruleOfClass[cls] == StageClassifier.VARIES ? classifier.touchpointOf(cls, rule)
        : touchpointOfClass[cls];
  }

  @Override
  public JourneyMapPartial merge(JourneyMapPartial left, JourneyMapPartial right) {
    left.addAll(right);
    return left;
  }

  @Override
  public JourneyMapResult finish(JourneyMapPartial p) {
    List<StageResult> stageResults = new ArrayList<>();
    for (int st = 0; st < stages; st++) {
      Stage stage = model.stages().get(st);
      long reached = p.reached[st];
      Long[] q = p.stay[st].quantiles(0.5, 0.9);
      long events = 0;
      for (int tp = 0; tp < tps; tp++) {
        events += p.cells.events[st * tps + tp];
      }
      stageResults.add(new StageResult(stage.id(), stage.name(), reached, p.progressed[st],
          ratio(p.progressed[st], reached), reached - p.progressed[st],
          ratio(reached - p.progressed[st], reached), p.goal[st], ratio(p.goal[st], reached),
          events, q[0], q[1], p.stay[st].size(), p.stageEmotion.emotion(st)));
    }
    List<TransitionResult> transitions = new ArrayList<>();
    for (int from = -1; from < stages; from++) {
      for (int to = 0; to < stages; to++) {
        int b = (from + 1) * stages + to;
        if (p.transitions.events[b] > 0) {
          String kind = from < 0 ? "entry" : to == from + 1 ? "forward" : to > from ? "skip"
              : "back";
          transitions.add(new TransitionResult(
              from < 0 ? TransitionResult.START : model.stages().get(from).id(),
              model.stages().get(to).id(), kind, p.transitions.events[b],
              p.transitions.customers[b]));
        }
      }
    }
    transitions.sort(Comparator.comparingLong(TransitionResult::count).reversed());
    List<TouchpointResult> touchpoints = new ArrayList<>();
    List<MatrixCell> matrix = new ArrayList<>();
    for (int tp = 0; tp < tps; tp++) {
      if (p.touchpoints.events[tp] > 0) {
        touchpoints.add(new TouchpointResult(classifier.touchpoints().get(tp),
            p.touchpoints.events[tp], p.touchpoints.customers[tp],
            p.touchpointEmotion.emotion(tp)));
      }
    }
    for (int st = 0; st < stages; st++) {
      for (int tp = 0; tp < tps; tp++) {
        int cell = st * tps + tp;
        if (p.cells.events[cell] > 0) {
          matrix.add(new MatrixCell(model.stages().get(st).id(), classifier.touchpoints().get(tp),
              p.cells.events[cell], p.cells.customers[cell], p.cellEmotion.emotion(cell)));
        }
      }
    }
    touchpoints.sort(Comparator.comparingLong(TouchpointResult::events).reversed());
    return new JourneyMapResult(p.customers, p.customersInStages, p.events, p.unmapped,
        stageResults, transitions, touchpoints, matrix,
        model.goals().stream().map(Goal::name).toList());
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
