package dev.portalaccess.keycloak.email;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Validation and canonical form of the part before the {@code @} (RFC 5321 4.1.2, extended to UTF-8 by
 * RFC 6531): either a dot-string ({@code john.doe+tag}) or a quoted string ({@code "john doe"}).
 */
final class LocalPart {

  /** Longest local part in octets (RFC 5321 4.5.3.1.1). */
  static final int MAX_LENGTH = 64;

  private LocalPart() {
  }

  /**
   * The index of the closing quote of a quoted string starting at index 0, skipping backslash pairs, or -1.
   */
  static int closingQuote(String s) {
    int i = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * Checks a local part as written and returns its canonical, case-folded form: needless quoting and
   * escaping are removed ({@code "John"} and {@code "\J\ohn"} are both {@code john}, as RFC 5321 says they
   * are the same mailbox), Unicode is put into NFC, then everything is lower-cased with {@link Locale#ROOT}.
   */
  static String canonical(String written) {
    if (written.isEmpty()) {
      throw emptyLocalPart();
    }
    if (written.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw new InvalidEmailException(InvalidEmailException.LOCAL_PART_TOO_LONG,
          "The part before the '@' is longer than " + MAX_LENGTH + " characters.");
    }
    String content = written.charAt(0) == '"' ? unquote(written) : checkDotString(written);
    String folded = Normalizer.normalize(content, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return isDotString(folded) ? folded : quote(folded);
  }

  /** The decoded content of a quoted string that spans all of {@code written}. */
  private static String unquote(String written) {
    StringBuilder content = new StringBuilder(written.length());
    int end = written.length() - 1;
    for (int i = 1; i < end; ) {
      int cp = written.codePointAt(i);
      if (cp == '\\') {
        int next = written.charAt(i + 1);
        if (next < 32 || next > 126) {
          throw invalidCharacter();
        }
        content.append((char) next);
        i += 2;
        continue;
      }
      if (!Chars.isQtext(cp)) {
        throw invalidCharacter();
      }
      content.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    if (content.length() == 0) {
      throw emptyLocalPart();
    }
    return content.toString();
  }

  private static String checkDotString(String written) {
    for (int i = 0; i < written.length(); ) {
      int cp = written.codePointAt(i);
      if (cp != '.' && !Chars.isAtext(cp)) {
        throw invalidCharacter();
      }
      i += Character.charCount(cp);
    }
    if (!isDotString(written)) {
      throw new InvalidEmailException(InvalidEmailException.INVALID_LOCAL_PART,
          "The part before the '@' starts or ends with a dot, or has two dots in a row.");
    }
    return written;
  }

  private static boolean isDotString(String s) {
    if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.' || s.contains("..")) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp != '.' && !Chars.isAtext(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static String quote(String content) {
    StringBuilder out = new StringBuilder(content.length() + 4).append('"');
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static InvalidEmailException emptyLocalPart() {
    return new InvalidEmailException(InvalidEmailException.EMPTY_LOCAL_PART, "The part before the '@' is empty.");
  }

  private static InvalidEmailException invalidCharacter() {
    return new InvalidEmailException(InvalidEmailException.INVALID_CHARACTER,
        "The part before the '@' contains whitespace, a control character or a character that must be quoted.");
  }
}
