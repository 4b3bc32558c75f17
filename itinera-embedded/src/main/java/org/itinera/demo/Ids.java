package org.itinera.demo;

/**
 * Deterministic identifiers. Message and device ids look like UUIDs; they are unique by
 * construction (a bijective mix of the customer index and a per-customer counter, keyed by the
 * seed), not by luck, so a data set never collides with itself and re-loading it is a no-op.
 * Business ids (customers, orders, tickets) are readable and depend on the customer index only.
 */
final class Ids {
  private static final long MESSAGE_DOMAIN = 0x6D657373616765L;
  private static final long DEVICE_DOMAIN = 0x646576696365L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** Counter values per customer must stay below 2^22; customer indices below 2^40. */
  static String messageId(long seed, long customer, long counter) {
    return uuid(seed, MESSAGE_DOMAIN, (customer << 22) | counter);
  }

  /** Anonymous id of one of a customer's browsers or devices (slot below 16). */
  static String deviceId(long seed, long customer, int slot) {
    return uuid(seed, DEVICE_DOMAIN, (customer << 4) | slot);
  }

  static String userId(long customer) {
    return "C" + pad(customer + 1, 8);
  }

  static String orderId(long customer, int n) {
    return "ORD-" + pad(customer + 1, 8) + "-" + pad(n, 3);
  }

  static String ticketId(long customer, int n) {
    return "TCK-" + pad(customer + 1, 8) + "-" + pad(n, 3);
  }

  static String reviewId(long customer, int n) {
    return "REV-" + pad(customer + 1, 8) + "-" + pad(n, 3);
  }

  static String responseId(long customer, int n) {
    return "SRV-" + pad(customer + 1, 8) + "-" + pad(n, 3);
  }

  static String local(String prefix, long customer, int n) {
    return prefix + Long.toString(customer + 1, 36) + "_" + Integer.toString(n, 36);
  }

  private static String uuid(long seed, long domain, long unique) {
    // lo alone is unique (a bijection of `unique` for a fixed seed); hi only makes ids look random.
    long lo = Rand.mix(unique) ^ Rand.mix(seed + domain);
    long hi = Rand.mix(lo ^ seed ^ domain);
    hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x4000L;
    char[] out = new char[36];
    int p = 0;
    for (int i = 15; i >= 0; i--) {
      out[p++] = HEX[(int) (hi >>> (i * 4)) & 0xF];
      if (p == 8 || p == 13) {
        out[p++] = '-';
      }
    }
    out[p++] = '-';
    for (int i = 15; i >= 0; i--) {
      out[p++] = HEX[(int) (lo >>> (i * 4)) & 0xF];
      if (p == 23) {
        out[p++] = '-';
      }
    }
    return new String(out);
  }

  private static String pad(long value, int width) {
    String s = Long.toString(value);
    if (s.length() >= width) {
      return s;
    }
    return "0".repeat(width - s.length()) + s;
  }
}
