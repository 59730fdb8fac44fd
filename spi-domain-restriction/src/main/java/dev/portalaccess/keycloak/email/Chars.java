package dev.portalaccess.keycloak.email;

/** Character classes shared by the local-part and domain parsers. */
final class Chars {

  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private Chars() {
  }

  /**
   * Characters never accepted anywhere: whitespace, controls, invisible formatting characters (zero-width
   * joiners, bidi overrides, soft hyphen, BOM), separators, private-use, lone surrogates and unassigned
   * code points. They either break parsing downstream or make two addresses look identical.
   */
  static boolean isForbidden(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return true;
      default:
        return false;
    }
  }

  /** RFC 5322 atext, extended by RFC 6531 to every non-ASCII character that is not forbidden. */
  static boolean isAtext(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
          || ATEXT_SPECIALS.indexOf(cp) >= 0;
    }
    return !isForbidden(cp);
  }

  /** RFC 5321 qtextSMTP (printable ASCII but {@code "} and {@code \}), plus non-ASCII per RFC 6531. */
  static boolean isQtext(int cp) {
    if (cp < 0x80) {
      return cp >= 32 && cp <= 126 && cp != '"' && cp != '\\';
    }
    return !isForbidden(cp);
  }

  /** Letter, digit or hyphen: the only characters of an ASCII host name label (RFC 1123). */
  static boolean isLdh(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
