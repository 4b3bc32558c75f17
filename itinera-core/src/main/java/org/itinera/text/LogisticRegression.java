package org.itinera.text;

import java.util.SplittableRandom;

/**
 * Binary logistic regression over hashed sparse features, fitted by AdaGrad with L2 shrinkage on
 * the weights an example touches. Each example's features share the value 1/sqrt(n), so long and
 * short texts weigh alike. Reproducible: the visiting order comes from a seeded generator, and the
 * loop is single-threaded.
 */
final class LogisticRegression {
  private LogisticRegression() {}

  /**
   * Fits weights for examples {@code x[i]} (feature ids already masked to {@code 2^bits}) with
   * targets {@code y[i]} in {0,1} and example weights {@code w[i]}.
   *
   * @return the weights; index {@code 2^bits} holds the bias
   */
  static float[] fit(int[][] x, byte[] y, float[] w, int bits, double l2, double eta, int epochs,
      long seed) {
    return fit(x, y, w, new float[(1 << bits) + 1], l2, eta, epochs, seed);
  }

  /**
   * As above, starting from {@code start} (modified in place and returned): adapting a trained
   * model to new data rather than learning from nothing.
   */
  static float[] fit(int[][] x, byte[] y, float[] w, float[] start, double l2, double eta,
      int epochs, long seed) {
    int dim = start.length - 1;
    float[] weights = start;
    float[] g2 = new float[dim + 1];
    int n = x.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int k = 0; k < n; k++) {
        int e = order[k];
        int[] ids = x[e];
        float value = (float) (1.0 / Math.sqrt(Math.max(1, ids.length)));
        double z = weights[dim];
        for (int id : ids) {
          z += weights[id] * value;
        }
        double p = 1.0 / (1.0 + Math.exp(-z));
        float g = (float) ((p - y[e]) * w[e]);
        for (int id : ids) {
          float grad = g * value + (float) l2 * weights[id];
          g2[id] += grad * grad;
          weights[id] -= (float) (eta * grad / Math.sqrt(g2[id] + 1e-8));
        }
        g2[dim] += g * g;
        weights[dim] -= (float) (eta * g / Math.sqrt(g2[dim] + 1e-8));
      }
    }
    return weights;
  }
}
