package org.itinera.text;

import java.util.List;

/** Accuracy and macro-F1 from gold and predicted class indices, computed the plain way. */
record Scores(double accuracy, double macroF1) {
  static Scores of(List<Integer> gold, List<Integer> predicted) {
    int classes = 0;
    for (int g : gold) {
      classes = Math.max(classes, g + 1);
    }
    for (int p : predicted) {
      classes = Math.max(classes, p + 1);
    }
    int correct = 0;
    for (int i = 0; i < gold.size(); i++) {
      correct += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
    }
    double f1Sum = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < gold.size(); i++) {
        boolean g = gold.get(i) == c;
        boolean p = predicted.get(i) == c;
        tp += g && p ? 1 : 0;
        fp += !g && p ? 1 : 0;
        fn += g && !p ? 1 : 0;
      }
      if (tp + fn == 0) {
        continue; // macro-F1 over the classes the gold set has
      }
      present++;
      f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return new Scores(correct / (double) gold.size(), f1Sum / present);
  }

  @Override
  public String toString() {
    return String.format("accuracy %.3f  macro-F1 %.3f", accuracy, macroF1);
  }
}
