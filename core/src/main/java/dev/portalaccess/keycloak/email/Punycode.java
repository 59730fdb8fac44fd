package dev.portalaccess.keycloak.email;

import java.util.Optional;

/**
 * RFC 3492 Punycode, the encoding behind {@code xn--} labels. {@link java.net.IDN} decodes labels but
 * silently returns its input when a label is not valid Punycode, so the engine decodes and re-encodes
 * {@code xn--} labels itself to tell a real A-label from text that only starts like one.
 */
final class Punycode {

  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 0x80;
  private static final char DELIMITER = '-';

  private Punycode() {
  }

  /**
   * Decodes the part of a label after {@code xn--}.
   *
   * @param encoded ASCII text
   * @return the decoded code points as a string, or empty when the text is not valid Punycode
   */
  static Optional<String> decode(String encoded) {
    int delimiter = encoded.lastIndexOf(DELIMITER);
    StringBuilder output = new StringBuilder();
    int count = 0;
    for (int j = 0; j < Math.max(delimiter, 0); j++) {
      char c = encoded.charAt(j);
      if (c >= 0x80) {
        return Optional.empty();
      }
      output.append(c);
      count++;
    }
    int[] points = output.codePoints().toArray();
    int[] out = new int[encoded.length()];
    System.arraycopy(points, 0, out, 0, points.length);
    int n = INITIAL_N;
    int i = 0;
    int bias = INITIAL_BIAS;
    int pos = delimiter > 0 ? delimiter + 1 : 0;
    while (pos < encoded.length()) {
      int oldI = i;
      int w = 1;
      for (int k = BASE; ; k += BASE) {
        if (pos >= encoded.length()) {
          return Optional.empty();
        }
        int digit = digitValue(encoded.charAt(pos++));
        if (digit < 0 || digit > (Integer.MAX_VALUE - i) / w) {
          return Optional.empty();
        }
        i += digit * w;
        int t = threshold(k, bias);
        if (digit < t) {
          break;
        }
        if (w > Integer.MAX_VALUE / (BASE - t)) {
          return Optional.empty();
        }
        w *= BASE - t;
      }
      bias = adapt(i - oldI, count + 1, oldI == 0);
      if (i / (count + 1) > Integer.MAX_VALUE - n) {
        return Optional.empty();
      }
      n += i / (count + 1);
      i %= count + 1;
      if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)) {
        return Optional.empty();
      }
      System.arraycopy(out, i, out, i + 1, count - i);
      out[i++] = n;
      count++;
    }
    return Optional.of(new String(out, 0, count));
  }

  /**
   * Encodes a label's code points (the result goes after {@code xn--}).
   *
   * @param label the Unicode label
   * @return the Punycode text
   */
  static String encode(String label) {
    int[] input = label.codePoints().toArray();
    StringBuilder output = new StringBuilder();
    for (int cp : input) {
      if (cp < INITIAL_N) {
        output.append((char) cp);
      }
    }
    int basic = output.length();
    int handled = basic;
    if (basic > 0) {
      output.append(DELIMITER);
    }
    int n = INITIAL_N;
    long delta = 0;
    int bias = INITIAL_BIAS;
    while (handled < input.length) {
      int m = Integer.MAX_VALUE;
      for (int cp : input) {
        if (cp >= n && cp < m) {
          m = cp;
        }
      }
      delta += (long) (m - n) * (handled + 1);
      n = m;
      for (int cp : input) {
        if (cp < n) {
          delta++;
        }
        if (cp == n) {
          long q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = threshold(k, bias);
            if (q < t) {
              break;
            }
            output.append(digitChar((int) (t + (q - t) % (BASE - t))));
            q = (q - t) / (BASE - t);
          }
          output.append(digitChar((int) q));
          bias = adapt((int) delta, handled + 1, handled == basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return output.toString();
  }

  private static int threshold(int k, int bias) {
    if (k <= bias) {
      return TMIN;
    }
    return Math.min(k - bias, TMAX);
  }

  private static int adapt(int delta, int points, boolean first) {
    int d = first ? delta / DAMP : delta / 2;
    d += d / points;
    int k = 0;
    while (d > ((BASE - TMIN) * TMAX) / 2) {
      d /= BASE - TMIN;
      k += BASE;
    }
    return k + (BASE - TMIN + 1) * d / (d + SKEW);
  }

  private static int digitValue(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    return -1;
  }

  private static char digitChar(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }
}
