package org.itinera.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's only source of randomness. Every customer gets its own stream derived from (seed,
 * customer index), so a customer's journey does not depend on how many customers come before it
 * or on which thread generates it: the data set for N customers is a prefix of the one for 2N.
 * SplittableRandom's algorithm (SplitMix64) is specified, so output is stable across JVMs.
 */
final class Rand {
  private final SplittableRandom random;

  Rand(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Rand forCustomer(long seed, long customerIndex) {
    return new Rand(mix(seed * 0x9E3779B97F4A7C15L ^ mix(customerIndex + 0x632BE59BD9B4E019L)));
  }

  /** The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  long nextLong() {
    return random.nextLong();
  }

  double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  double normal() {
    // Box-Muller; one of the pair is dropped to keep the stream position simple.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Log-normal with the given median and log-scale spread. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * normal());
  }

  <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Index drawn with probability proportional to its weight; weights need not sum to 1. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
