package dev.portalaccess.keycloak.email;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A syntactically valid email address, normalised for comparison. Immutable.
 *
 * <p>Accepted syntax is RFC 5321's mailbox with RFC 6531's UTF-8 extension, minus address literals:
 * <ul>
 *   <li>surrounding whitespace is ignored; whitespace, control, invisible and other default-ignorable
 *       characters inside are not (the ASCII space only inside quotes);</li>
 *   <li>compatibility characters are folded first (Unicode NFKC, as IDNA does for domains):
 *       {@code ｊｏｈｎ@acme.com} is {@code john@acme.com};</li>
 *   <li>the local part is a dot-string ({@code john.doe+tag}, letters, digits and
 *       {@code !#$%&'*+-/=?^_`{|}~}, non-ASCII letters, no leading, trailing or doubled dot) or a quoted
 *       string ({@code "john doe"}, where {@code @} and escaped {@code \"} are plain characters), at most
 *       64 octets;</li>
 *   <li>exactly one {@code @} outside the quotes;</li>
 *   <li>the domain is normalised by {@link DomainName}: lower case, IDN to punycode, no trailing dot;
 *       single-label domains ({@code user@localhost}) are syntactically valid and accepted;</li>
 *   <li>the whole address, normalised, is at most 254 octets.</li>
 * </ul>
 *
 * <p>Case: the issue asks for case-insensitive matching, so {@link #normalized()} lower-cases the local part
 * too, although RFC 5321 lets a server treat it case-sensitively. Plus-addressing ({@code a+tag}) is kept: it
 * is a different address for rules, only domain rules cover it.
 */
public final class EmailAddress {

  /** Longest address in octets (RFC 5321 4.5.3.1.3: a 256-octet path minus its angle brackets). */
  static final int MAX_LENGTH = 254;

  private final String localPart;
  private final String domain;
  private final String normalized;

  private EmailAddress(String localPart, String domain, String normalized) {
    this.localPart = localPart;
    this.domain = domain;
    this.normalized = normalized;
  }

  /**
   * Parses and normalises an address.
   *
   * @param raw the address as typed; surrounding whitespace is ignored
   * @return the parsed address
   * @throws InvalidEmailException with the reason code of the first problem found
   */
  public static EmailAddress parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidEmailException(InvalidEmailException.EMPTY, "The email address is empty.");
    }
    String s = Chars.fold(raw.strip());
    String local;
    String domainPart;
    if (s.charAt(0) == '"') {
      int close = LocalPart.closingQuote(s);
      if (close < 0) {
        throw new InvalidEmailException(InvalidEmailException.UNTERMINATED_QUOTE,
            "The quoted part before the '@' has no closing quote.");
      }
      local = s.substring(0, close + 1);
      String rest = s.substring(close + 1);
      if (rest.isEmpty()) {
        throw missingAt();
      }
      if (rest.charAt(0) != '@') {
        throw new InvalidEmailException(InvalidEmailException.INVALID_LOCAL_PART,
            "Only an '@' may follow the closing quote of the part before the '@'.");
      }
      domainPart = rest.substring(1);
      if (domainPart.indexOf('@') >= 0) {
        throw multipleAt();
      }
    } else {
      int at = s.indexOf('@');
      if (at < 0) {
        throw missingAt();
      }
      if (s.indexOf('@', at + 1) >= 0) {
        throw multipleAt();
      }
      local = s.substring(0, at);
      domainPart = s.substring(at + 1);
    }
    String canonicalLocal = LocalPart.canonical(local);
    String domain = DomainName.normalizeDomainPart(domainPart);
    String normalized = canonicalLocal + "@" + domain;
    if (normalized.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw new InvalidEmailException(InvalidEmailException.ADDRESS_TOO_LONG,
          "The email address is longer than " + MAX_LENGTH + " characters.");
    }
    return new EmailAddress(local, domain, normalized);
  }

  /**
   * Like {@link #parse(String)}, but empty instead of an exception for invalid input.
   *
   * @param raw the address as typed, may be null
   * @return the parsed address, or empty when it is not valid
   */
  public static Optional<EmailAddress> tryParse(String raw) {
    try {
      return Optional.of(parse(raw));
    } catch (InvalidEmailException e) {
      return Optional.empty();
    }
  }

  /**
   * The local part as written (after compatibility folding).
   *
   * @return the text before the {@code @} of the trimmed, NFKC-folded input; a quoted local part keeps its
   *     quotes and escapes
   */
  public String localPart() {
    return localPart;
  }

  /**
   * The normalised domain.
   *
   * @return lower-case ASCII, internationalized labels as punycode, no trailing dot
   */
  public String domain() {
    return domain;
  }

  /**
   * The comparison key: the local part lower-cased with {@link java.util.Locale#ROOT} (Unicode in NFC, and
   * quoting removed where the content needs none, so {@code "John"@acme.com} is {@code john@acme.com}), an
   * {@code @}, and {@link #domain()}.
   *
   * @return the comparison key, also the value of an address entry for this address
   */
  public String normalized() {
    return normalized;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmailAddress && ((EmailAddress) o).normalized.equals(normalized);
  }

  @Override
  public int hashCode() {
    return normalized.hashCode();
  }

  /** The {@linkplain #normalized() normalised} address. */
  @Override
  public String toString() {
    return normalized;
  }

  private static InvalidEmailException missingAt() {
    return new InvalidEmailException(InvalidEmailException.MISSING_AT, "The email address has no '@'.");
  }

  private static InvalidEmailException multipleAt() {
    return new InvalidEmailException(InvalidEmailException.MULTIPLE_AT,
        "The email address has more than one '@' (an '@' in the local part must be quoted).");
  }
}
