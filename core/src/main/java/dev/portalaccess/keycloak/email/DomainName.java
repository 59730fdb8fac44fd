package dev.portalaccess.keycloak.email;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Domain names as the rule engine stores and compares them: lower-case ASCII, internationalized labels in
 * their punycode ({@code xn--}) form, no trailing dot.
 *
 * <p>Normalisation, in order:
 * <ol>
 *   <li>surrounding whitespace is removed ({@link #normalize(String)} only; inside an address there is none
 *       left to remove); invisible and other forbidden characters are refused, compatibility characters are
 *       folded (NFKC, {@link Chars#fold});</li>
 *   <li>the ideographic and full-width full stops ({@code 。 ． ｡}) count as dots, as IDNA says;</li>
 *   <li>one trailing dot (the DNS root) is dropped: {@code acme.com.} is {@code acme.com};</li>
 *   <li>every label must be non-empty; an ASCII label is lower-cased and must be letters, digits and inner
 *       hyphens; a non-ASCII label goes through {@link IDN#toASCII(String, int)} with
 *       {@link IDN#USE_STD3_ASCII_RULES}, which case-folds and NFKC-maps it (IDNA2003 nameprep) and encodes
 *       it as punycode;</li>
 *   <li>labels are at most 63 characters and the name at most 253, both counted in ASCII form; the last
 *       label must not be all digits (that is an IP address, not a host name).</li>
 * </ol>
 *
 * <p>Choices made with care:
 * <ul>
 *   <li><b>Look-alikes stay different.</b> A label with a Cyrillic {@code а} ({@code аcme.com}) becomes
 *       {@code xn--cme-8cd.com}, a different domain from {@code acme.com}, so a rule for one never matches
 *       the other. That is correct: they are different registrations, possibly by different owners.
 *       Characters IDNA itself maps to ASCII (full-width {@code ａｃｍｅ}, the Kelvin sign) do resolve to the
 *       very same DNS name, and match.</li>
 *   <li><b>IDNA2003 vs IDNA2008.</b> {@code java.net.IDN} implements IDNA2003, which maps {@code ß} to
 *       {@code ss} and {@code ς} to {@code σ}; IDNA2008 (what registries and mail servers use today) keeps
 *       them, so {@code straße.de} is another domain than {@code strasse.de}. Rather than silently
 *       conflating them (a rule for {@code strasse.de} would admit {@code straße.de}), such input is
 *       rejected with {@value InvalidEmailException#IDN_DEVIATION}; the {@code xn--} form is accepted.</li>
 *   <li><b>Invisible characters are rejected</b> (zero-width joiners, soft hyphen, bidi controls, every
 *       default-ignorable code point), although IDNA2003 would drop some of them, so that
 *       {@code ac\u200Dme.com} cannot pose as {@code acme.com}; not even inside an {@code xn--} label.</li>
 *   <li><b>{@code xn--} labels must be real A-labels</b>: they are decoded and re-encoded and must give back
 *       themselves ({@value InvalidEmailException#INVALID_PUNYCODE} otherwise), then are kept in their ASCII
 *       form, which is what DNS and SMTP use, so both spellings of a domain match each other.</li>
 * </ul>
 */
public final class DomainName {

  /** Longest label, in octets of its ASCII form (RFC 1035 2.3.4). */
  static final int MAX_LABEL = 63;
  /** Longest name without the trailing dot, in octets of its ASCII form (RFC 1035, RFC 5321 4.5.3.1.2). */
  static final int MAX_DOMAIN = 253;
  /** The prefix of an ASCII-compatible encoded (Punycode) label. */
  static final String ACE_PREFIX = "xn--";

  private DomainName() {
  }

  /**
   * Normalises a domain as written in a list or an address.
   *
   * <p>{@code "Acme.COM."} gives {@code "acme.com"}, {@code " bücher.de "} gives {@code "xn--bcher-kva.de"}.
   *
   * @param raw the domain as written; null or blank is {@value InvalidEmailException#EMPTY_DOMAIN}
   * @return the normalised domain
   * @throws InvalidEmailException with the reason the input is not a valid domain name
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidEmailException(InvalidEmailException.EMPTY_DOMAIN, "The domain is empty.");
    }
    return normalizeDomainPart(Chars.fold(raw.strip()));
  }

  /**
   * Whether {@code domain} is {@code parent} or one of its subdomains, label by label:
   * {@code eu.acme.com} and {@code acme.com} are inside {@code acme.com}; {@code notacme.com} and
   * {@code acme.com.evil.io} are not. Both arguments must already be {@linkplain #normalize normalised}.
   *
   * @param domain a normalised domain, e.g. of an address
   * @param parent a normalised domain, e.g. of a list entry
   * @return true when the labels of {@code parent} are the last labels of {@code domain}
   */
  public static boolean isSameOrSubdomain(String domain, String parent) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(parent, "parent");
    return domain.equals(parent) || isStrictSubdomain(domain, parent);
  }

  /**
   * Whether {@code domain} is a subdomain of {@code parent} but not {@code parent} itself. Both must be
   * normalised.
   *
   * @param domain a normalised domain
   * @param parent a normalised domain
   * @return true for {@code eu.acme.com} in {@code acme.com}, false for {@code acme.com} in itself
   */
  public static boolean isStrictSubdomain(String domain, String parent) {
    return domain.length() > parent.length() + 1
        && domain.endsWith(parent)
        && domain.charAt(domain.length() - parent.length() - 1) == '.';
  }

  /**
   * The Unicode form of a normalised domain, for display only ({@code xn--bcher-kva.de} gives
   * {@code bücher.de}); labels that cannot be decoded are shown as they are.
   *
   * @param normalizedDomain a domain as returned by {@link #normalize(String)}
   * @return the domain with punycode labels decoded
   */
  public static String toUnicode(String normalizedDomain) {
    return IDN.toUnicode(normalizedDomain, IDN.USE_STD3_ASCII_RULES);
  }

  /**
   * The domain and each of its parents, nearest first: {@code eu.acme.com} gives
   * {@code [eu.acme.com, acme.com, com]}.
   */
  static List<String> selfAndParents(String normalizedDomain) {
    List<String> result = new ArrayList<>();
    String current = normalizedDomain;
    while (true) {
      result.add(current);
      int dot = current.indexOf('.');
      if (dot < 0) {
        return result;
      }
      current = current.substring(dot + 1);
    }
  }

  /**
   * Normalises the text after the {@code @} of an address (already stripped of surrounding whitespace and
   * {@linkplain Chars#fold folded}).
   */
  static String normalizeDomainPart(String part) {
    if (part.isEmpty()) {
      throw new InvalidEmailException(InvalidEmailException.EMPTY_DOMAIN, "The domain is empty.");
    }
    if (part.charAt(0) == '[') {
      throw new InvalidEmailException(InvalidEmailException.DOMAIN_LITERAL,
          "Address literals such as [192.0.2.1] are not accepted; use a domain name.");
    }
    String domain = part.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
    for (int i = 0; i < domain.length(); ) {
      int cp = domain.codePointAt(i);
      if (Chars.isForbidden(cp) || cp == '@') {
        throw new InvalidEmailException(InvalidEmailException.INVALID_CHARACTER,
            "The domain contains whitespace, an invisible or a control character, or an '@'.");
      }
      if (cp == '\u00DF' || cp == '\u03C2' || cp == '\u1E9E') {
        throw new InvalidEmailException(InvalidEmailException.IDN_DEVIATION,
            "The domain contains 'ß' or 'ς', which IDNA2003 and IDNA2008 encode differently;"
                + " write the domain in its xn-- form.");
      }
      i += Character.charCount(cp);
    }
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
      if (domain.isEmpty()) {
        throw new InvalidEmailException(InvalidEmailException.EMPTY_DOMAIN, "The domain is only a dot.");
      }
    }
    String[] labels = domain.split("\\.", -1);
    StringBuilder out = new StringBuilder(domain.length() + 16);
    for (String label : labels) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(normalizeLabel(label));
    }
    if (out.length() > MAX_DOMAIN) {
      throw new InvalidEmailException(InvalidEmailException.DOMAIN_TOO_LONG,
          "The domain is longer than " + MAX_DOMAIN + " characters.");
    }
    String last = out.substring(out.lastIndexOf(".") + 1);
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidEmailException(InvalidEmailException.INVALID_DOMAIN,
          "The last label of the domain is numeric; IP addresses are not accepted.");
    }
    return out.toString();
  }

  private static String normalizeLabel(String label) {
    if (label.isEmpty()) {
      throw new InvalidEmailException(InvalidEmailException.EMPTY_LABEL,
          "The domain has an empty label (a leading, trailing or doubled dot).");
    }
    String ascii;
    if (Chars.isAscii(label)) {
      ascii = label.toLowerCase(Locale.ROOT);
      if (ascii.startsWith(ACE_PREFIX)) {
        checkAceLabel(ascii);
      }
    } else {
      try {
        ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("too long")) {
          throw labelTooLong();
        }
        if (message.contains("non-ldh")) {
          throw new InvalidEmailException(InvalidEmailException.INVALID_CHARACTER,
              "The domain may only contain letters, digits, hyphens and dots.");
        }
        if (message.contains("empty label")) {
          throw new InvalidEmailException(InvalidEmailException.EMPTY_LABEL,
              "A label of the domain is empty once internationalized characters are mapped.");
        }
        throw new InvalidEmailException(InvalidEmailException.INVALID_DOMAIN,
            "A label of the domain is not a valid internationalized domain name.");
      }
      if (ascii.isEmpty()) {
        throw new InvalidEmailException(InvalidEmailException.EMPTY_LABEL,
            "A label of the domain is empty once internationalized characters are mapped.");
      }
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (!Chars.isLdh(ascii.charAt(i))) {
        throw new InvalidEmailException(InvalidEmailException.INVALID_CHARACTER,
            "The domain may only contain letters, digits, hyphens and dots.");
      }
    }
    if (ascii.length() > MAX_LABEL) {
      throw labelTooLong();
    }
    if (ascii.charAt(0) == '-' || ascii.charAt(ascii.length() - 1) == '-') {
      throw new InvalidEmailException(InvalidEmailException.INVALID_DOMAIN,
          "A label of the domain starts or ends with a hyphen.");
    }
    return ascii;
  }

  /**
   * An {@code xn--} label written as such must be a real A-label: its Punycode decodes to a Unicode label
   * that encodes back to exactly this label, contains a non-ASCII character and no invisible one, and is the
   * form IDNA itself produces for it (no upper case, nothing IDNA would map). Otherwise {@code xn--zz.com}
   * would be stored as a domain that no one can register and no address really has.
   */
  private static void checkAceLabel(String label) {
    String encoded = label.substring(ACE_PREFIX.length());
    String decoded = Punycode.decode(encoded).orElse(null);
    if (decoded == null || Chars.isAscii(decoded) || !Punycode.encode(decoded).equals(encoded)
        || decoded.codePoints().anyMatch(Chars::isForbidden)) {
      throw invalidPunycode();
    }
    boolean deviation = decoded.indexOf('\u00DF') >= 0 || decoded.indexOf('\u03C2') >= 0;
    // IDNA2003 maps the deviation characters (see the class comment); their xn-- form is accepted when the
    // rest of the label is in IDNA's normal form
    String probe = deviation ? decoded.replace("\u00DF", "ss").replace('\u03C2', '\u03C3') : decoded;
    String reencoded;
    try {
      reencoded = IDN.toASCII(probe, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalidPunycode();
    }
    boolean canonical = deviation
        ? Normalizer.normalize(decoded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).equals(decoded)
        : reencoded.equals(label);
    if (!canonical) {
      throw invalidPunycode();
    }
  }

  private static InvalidEmailException invalidPunycode() {
    return new InvalidEmailException(InvalidEmailException.INVALID_PUNYCODE,
        "A label of the domain starts with xn-- but is not the valid encoding of an internationalized label.");
  }

  private static InvalidEmailException labelTooLong() {
    return new InvalidEmailException(InvalidEmailException.LABEL_TOO_LONG,
        "A label of the domain is longer than " + MAX_LABEL + " characters.");
  }
}
