package org.itinera.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * The trained sentiment model: the feature settings it was trained with (n-gram ranges, the
 * lexicon's CRC) and two linear heads over
 * hashed features. The polarity head gives P(positive | opinionated); the neutral head gives
 * P(neutral). Together they factor a three-way distribution: P(pos) = (1 - n) p, P(neg) = (1 - n)
 * (1 - p), P(neutral) = n, and the score is P(pos) - P(neg) = (1 - n)(2p - 1), in [-1, 1].
 *
 * <p>Weights are stored as int8 with one scale per head: a 2^20 table is 1 MiB, and because each
 * text's score sums ~100 weights the rounding errors average out (the evaluation test measures
 * the quantised model). Immutable once built, so one instance serves every thread.
 */
final class SentimentModel {
  static final String RESOURCE = "/org/itinera/text/sentiment-model.bin.gz";
  private static final int MAGIC = 0x49544D31; // "ITM1"

  final FeatureHasher hasher;
  final Head polarity;
  /** Null when the training data had no neutral examples; then a score band decides neutral. */
  final Head neutral;

  SentimentModel(FeatureHasher hasher, Head polarity, Head neutral) {
    this.hasher = hasher;
    this.polarity = polarity;
    this.neutral = neutral;
  }

  /** One linear head: a logit from hashed ids, each feature valued 1/sqrt(n). */
  static final class Head {
    final int bits;
    final float scale;
    final float bias;
    final byte[] weights;

    Head(int bits, float scale, float bias, byte[] weights) {
      this.bits = bits;
      this.scale = scale;
      this.bias = bias;
      this.weights = weights;
    }

    double logit(int[] ids, int n) {
      int mask = (1 << bits) - 1;
      long sum = 0;
      for (int i = 0; i < n; i++) {
        sum += weights[ids[i] & mask];
      }
      return bias + scale * sum / Math.sqrt(Math.max(1, n));
    }

    /** The weights as floats, bias last: the starting point for adapting the model. */
    float[] toFloats() {
      float[] out = new float[weights.length + 1];
      for (int i = 0; i < weights.length; i++) {
        out[i] = weights[i] * scale;
      }
      out[weights.length] = bias;
      return out;
    }

    /** Rounds trained float weights (bias last) to int8, clipping the rare extreme ones. */
    static Head quantise(float[] trained, int bits) {
      int dim = 1 << bits;
      float[] abs = new float[dim];
      for (int i = 0; i < dim; i++) {
        abs[i] = Math.abs(trained[i]);
      }
      Arrays.sort(abs);
      // The 99.99th percentile rather than the maximum: one outlier must not coarsen the rest.
      float top = Math.max(abs[(int) (dim * 0.9999)], 1e-6f);
      float scale = top / 127f;
      byte[] q = new byte[dim];
      for (int i = 0; i < dim; i++) {
        q[i] = (byte) Math.max(-127, Math.min(127, Math.round(trained[i] / scale)));
      }
      return new Head(bits, scale, trained[dim], q);
    }
  }

  static SentimentModel fromClasspath() {
    try (InputStream in = SentimentModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ItineraException(ErrorCode.INTERNAL,
            "the sentiment model " + RESOURCE + " is missing from the classpath; rebuild the jar");
      }
      return read(in, RESOURCE);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, null,
          "cannot read the sentiment model " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static SentimentModel read(InputStream raw, String where) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    int magic = in.readInt();
    int version = in.readInt();
    if (magic != MAGIC || version != FeatureHasher.VERSION) {
      throw new ItineraException(ErrorCode.CONFIG_INVALID, "model",
          where + " is not an Itinera sentiment model of feature version "
              + FeatureHasher.VERSION + " (magic " + Integer.toHexString(magic) + ", version "
              + version + "); retrain it with 'itinera text train'");
    }
    FeatureHasher hasher = new FeatureHasher(in.readByte(), in.readByte(), in.readByte(),
        in.readByte());
    long lexiconCrc = in.readLong();
    if (lexiconCrc != hasher.lexicon.crc) {
      throw new ItineraException(ErrorCode.CONFIG_INVALID, "model",
          where + " was trained with another sentiment-lexicon.tsv (CRC " + Long.toHexString(
              lexiconCrc) + ", this build has " + Long.toHexString(hasher.lexicon.crc)
              + "); retrain it with 'itinera text train'");
    }
    Head polarity = readHead(in);
    Head neutral = in.readBoolean() ? readHead(in) : null;
    return new SentimentModel(hasher, polarity, neutral);
  }

  private static Head readHead(DataInputStream in) throws IOException {
    int bits = in.readInt();
    if (bits < 8 || bits > 26) {
      throw new ItineraException(ErrorCode.CONFIG_INVALID, "model",
          "model head has " + bits + " hash bits; expected 8 to 26; the file is damaged");
    }
    float scale = in.readFloat();
    float bias = in.readFloat();
    byte[] weights = new byte[1 << bits];
    in.readFully(weights);
    return new Head(bits, scale, bias, weights);
  }

  void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(gz);
    out.writeInt(MAGIC);
    out.writeInt(FeatureHasher.VERSION);
    out.writeByte(hasher.charMinKo);
    out.writeByte(hasher.charMaxKo);
    out.writeByte(hasher.charMinEn);
    out.writeByte(hasher.charMaxEn);
    out.writeLong(hasher.lexicon.crc);
    writeHead(out, polarity);
    out.writeBoolean(neutral != null);
    if (neutral != null) {
      writeHead(out, neutral);
    }
    out.flush();
    gz.finish();
  }

  private static void writeHead(DataOutputStream out, Head head) throws IOException {
    out.writeInt(head.bits);
    out.writeFloat(head.scale);
    out.writeFloat(head.bias);
    out.write(head.weights);
  }
}
