package org.itinera.customer;

import java.util.ArrayList;
import org.itinera.journey.JourneyModel;
import org.itinera.journey.StageClassifier;
import org.itinera.sequence.EventSequence;
import org.itinera.sequence.SequenceAnalysis;
import org.itinera.sequence.Vocabulary;

/**
 * The customers whose current stage is one given stage: walking each sequence backwards, the
 * first event (the latest) that a rule of the journey model maps to a stage decides. The same
 * definition as the journal's profile card, through the classifier the journey map uses.
 */
final class CurrentStageAnalysis implements SequenceAnalysis<ArrayList<String>, ArrayList<String>> {
  private static final long serialVersionUID = 1L;

  private final StageClassifier classifier;
  private final int stage;

  CurrentStageAnalysis(JourneyModel model, Vocabulary vocabulary, int stage) {
    this.classifier = model.classifier(vocabulary);
    this.stage = stage;
  }

  @Override
  public ArrayList<String> newPartial() {
    return new ArrayList<>();
  }

  @Override
  public void accept(ArrayList<String> partial, EventSequence events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      int rule = classifier.rule(events, i);
      if (rule >= 0) {
        if (classifier.stageOfRule(rule) == stage) {
          partial.add(events.customerId());
        }
        return;
      }
    }
  }

  @Override
  public ArrayList<String> merge(ArrayList<String> left, ArrayList<String> right) {
    left.addAll(right);
    return left;
  }

  @Override
  public ArrayList<String> finish(ArrayList<String> partial) {
    return partial;
  }
}
