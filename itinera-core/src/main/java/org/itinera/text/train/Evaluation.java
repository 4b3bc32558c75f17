package org.itinera.text.train;

import java.util.List;
import org.itinera.text.SentimentLabel;
import org.itinera.text.TextAnalysis;
import org.itinera.text.TextAnalyzer;

/** Accuracy and macro-F1 of an analyzer on labelled rows, printed after training. */
final class Evaluation {
  private Evaluation() {}

  /**
   * Prints accuracy and macro-F1. Binary sets are judged on the sign of the score (the polarity
   * decision, as the published NSMC and MR figures are); three-way sets on the label.
   */
  static void print(String name, TextAnalyzer analyzer, List<Corpora.Row> rows, boolean binary) {
    int k = SentimentLabel.values().length;
    int[][] confusion = new int[k][k];
    for (Corpora.Row r : rows) {
      TextAnalysis a = analyzer.analyze(r.text());
      SentimentLabel predicted = binary
          ? (a.score() > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE)
          : a.label();
      confusion[r.label().ordinal()][predicted.ordinal()]++;
    }
    int correct = 0;
    double f1Sum = 0;
    double recallSum = 0;
    int classes = 0;
    for (int c = 0; c < k; c++) {
      int gold = 0;
      int predicted = 0;
      for (int j = 0; j < k; j++) {
        gold += confusion[c][j];
        predicted += confusion[j][c];
      }
      correct += confusion[c][c];
      if (gold == 0) {
        continue;
      }
      classes++;
      double p = predicted == 0 ? 0 : confusion[c][c] / (double) predicted;
      double rec = confusion[c][c] / (double) gold;
      recallSum += rec;
      f1Sum += p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
    }
    System.out.printf("%-36s n=%6d  accuracy %.4f  balanced accuracy %.4f  macro-F1 %.4f%n", name,
        rows.size(), correct / (double) rows.size(), recallSum / classes, f1Sum / classes);
  }
}
