package dev.portalaccess.keycloak.email;

import java.text.Normalizer;

/** Character classes shared by the local-part and domain parsers. */
final class Chars {

  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private Chars() {
  }

  /**
   * Characters never accepted anywhere in an address or entry: whitespace, controls, invisible formatting
   * characters (zero-width joiners, bidi overrides, soft hyphen, BOM), separators, private-use, lone
   * surrogates, unassigned code points, and every other default-ignorable code point (combining grapheme
   * joiner, variation selectors, Hangul fillers, Mongolian free variation selectors, tags, ...). IDN
   * processing maps many of them to nothing, so {@code ac\u034Fme.com} would silently become
   * {@code acme.com} while the text a person sees and stores keeps them: they either break parsing
   * downstream or make two addresses look identical. None has a legitimate use in a mailbox name.
   */
  static boolean isForbidden(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isDefaultIgnorable(cp)) {
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

  /**
   * Unicode's {@code Default_Ignorable_Code_Point} (DerivedCoreProperties.txt, Unicode 15.1) plus
   * U+1806 MONGOLIAN TODO SOFT HYPHEN, which IDNA2003 (RFC 3454 table B.1) also maps to nothing.
   * Java has no API for the property, so the ranges are listed here; most of them are also
   * {@link Character#FORMAT}, the rest are marks and letters that render as nothing.
   */
  static boolean isDefaultIgnorable(int cp) {
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
        || cp == 0x17B4 || cp == 0x17B5 || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180F)
        || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)
        || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0
        || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
        || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }

  /**
   * The form every address and entry is parsed in: refuses forbidden characters where they stand (only the
   * ASCII space may appear, inside a quoted local part), then applies Unicode compatibility normalisation
   * (NFKC), the same mapping IDNA applies to domains, so {@code ｊｏｈｎ@ａｃｍｅ.com} is
   * {@code john@acme.com}: one address, one spelling. Characters that fold into structure ({@code ＠},
   * {@code ．}) are then parsed as what they fold to.
   *
   * @param stripped the input without surrounding whitespace
   * @return the NFKC form of the input
   * @throws InvalidEmailException {@value InvalidEmailException#INVALID_CHARACTER} for a forbidden character
   */
  static String fold(String stripped) {
    for (int i = 0; i < stripped.length(); ) {
      int cp = stripped.codePointAt(i);
      if (cp != ' ' && isForbidden(cp)) {
        throw new InvalidEmailException(InvalidEmailException.INVALID_CHARACTER,
            "The input contains an invisible, control, formatting or space character.");
      }
      i += Character.charCount(cp);
    }
    return Normalizer.isNormalized(stripped, Normalizer.Form.NFKC) ? stripped
        : Normalizer.normalize(stripped, Normalizer.Form.NFKC);
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
