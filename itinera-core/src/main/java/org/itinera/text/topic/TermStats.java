package org.itinera.text.topic;

/**
 * The statistics topic ranking rests on. Log-odds with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn, "Fightin' Words", 2008), in its document-frequency form: a term's rate in
 * the focus texts against its rate in the reference texts, both shrunk towards the pooled rate,
 * divided by its standard error. A term seen in 3 texts cannot reach the z of one seen in 300
 * with the same ratio, which is what keeps rare terms from dominating.
 */
final class TermStats {
  /** Prior strength, in pseudo-documents: how hard small counts are pulled to the pooled rate. */
  static final double PRIOR_DOCS = 10;

  private TermStats() {}

  /**
   * z-score of a term's log-odds in focus against reference.
   *
   * @param a focus texts containing the term, of {@code n1}
   * @param b reference texts containing the term, of {@code n2}
   */
  static double logOddsZ(int a, int n1, int b, int n2) {
    double pooled = (a + b) / (double) (n1 + n2);
    double alpha = PRIOR_DOCS * pooled;
    double rest = PRIOR_DOCS - alpha;
    double x1 = a + alpha;
    double y1 = n1 - a + rest;
    double x2 = b + alpha;
    double y2 = n2 - b + rest;
    double delta = Math.log(x1 / y1) - Math.log(x2 / y2);
    double variance = 1 / x1 + 1 / y1 + 1 / x2 + 1 / y2;
    return delta / Math.sqrt(variance);
  }

  /** Wilson score interval's lower bound for k successes in n trials at 95%. */
  static double wilsonLower(int k, int n) {
    if (n == 0) {
      return 0;
    }
    double z = 1.959964;
    double p = k / (double) n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Math.max(0, (centre - margin) / (1 + z2 / n));
  }

  /** Two-proportion z statistic with pooled variance; 0 when either group is empty. */
  static double twoProportionZ(int k1, int n1, int k2, int n2) {
    if (n1 == 0 || n2 == 0) {
      return 0;
    }
    double p = (k1 + k2) / (double) (n1 + n2);
    double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    return se == 0 ? 0 : (k1 / (double) n1 - k2 / (double) n2) / se;
  }
}
