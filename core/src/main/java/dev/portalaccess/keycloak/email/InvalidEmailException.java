package dev.portalaccess.keycloak.email;

/**
 * An email address, domain or rule entry that cannot be parsed.
 *
 * <p>{@link #reason()} is a stable, machine-readable code meant for REST error bodies, user events and
 * message keys; {@link #getMessage()} is an English sentence for logs and admins. Neither contains the
 * rejected input, so the exception can be logged without leaking an address. When an input has several
 * problems, the first one found is reported (parsing goes: structure, local part, domain, total length).
 *
 * <p>Reason codes (also documented in {@code docs/email-rules.md}):
 * <ul>
 *   <li>{@value #EMPTY}: the input is null, empty or only whitespace.</li>
 *   <li>{@value #MISSING_AT}: no {@code @} separates a local part from a domain.</li>
 *   <li>{@value #MULTIPLE_AT}: more than one {@code @} outside a quoted local part.</li>
 *   <li>{@value #EMPTY_LOCAL_PART}: nothing before the {@code @} (also {@code ""@acme.com}).</li>
 *   <li>{@value #LOCAL_PART_TOO_LONG}: the local part is longer than 64 octets (RFC 5321 4.5.3.1.1).</li>
 *   <li>{@value #INVALID_LOCAL_PART}: a leading, trailing or doubled dot in an unquoted local part, or
 *       text between a closing quote and the {@code @}.</li>
 *   <li>{@value #UNTERMINATED_QUOTE}: a quoted local part without its closing quote.</li>
 *   <li>{@value #EMPTY_DOMAIN}: nothing after the {@code @}, or a domain that is only a dot.</li>
 *   <li>{@value #EMPTY_LABEL}: a leading or doubled dot in the domain, or more than one trailing dot.</li>
 *   <li>{@value #LABEL_TOO_LONG}: a domain label longer than 63 characters in its ASCII form.</li>
 *   <li>{@value #DOMAIN_TOO_LONG}: a domain longer than 253 characters in its ASCII form.</li>
 *   <li>{@value #ADDRESS_TOO_LONG}: a whole address longer than 254 octets (RFC 5321 path limit).</li>
 *   <li>{@value #INVALID_CHARACTER}: whitespace, a control, invisible or other default-ignorable character, or a
 *       character that is not allowed where it stands (e.g. {@code _} in a domain, {@code ,} in an
 *       unquoted local part).</li>
 *   <li>{@value #INVALID_DOMAIN}: a label that starts or ends with a hyphen, a numeric top-level label
 *       (an IP address without brackets), or an internationalized label that IDNA rejects.</li>
 *   <li>{@value #INVALID_PUNYCODE}: a label starting with {@code xn--} that is not valid Punycode, does not
 *       encode back to itself, decodes to ASCII or to an invisible character, or is not in IDNA's normal
 *       form (e.g. {@code xn--zz.com}).</li>
 *   <li>{@value #IDN_DEVIATION}: an internationalized domain written with {@code ß} or final sigma
 *       {@code ς}, which IDNA2003 and IDNA2008 encode differently; write its {@code xn--} form.</li>
 *   <li>{@value #DOMAIN_LITERAL}: an address literal such as {@code user@[192.0.2.1]}.</li>
 *   <li>{@value #INVALID_WILDCARD}: a {@code *} in a rule entry anywhere but a leading {@code *.} label,
 *       or a {@code *} local part (write the domain instead).</li>
 * </ul>
 */
public final class InvalidEmailException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Null, empty or blank input. */
  public static final String EMPTY = "empty";
  /** No {@code @}. */
  public static final String MISSING_AT = "missingAt";
  /** More than one {@code @} outside a quoted local part. */
  public static final String MULTIPLE_AT = "multipleAt";
  /** Nothing before the {@code @}. */
  public static final String EMPTY_LOCAL_PART = "emptyLocalPart";
  /** Local part over 64 octets. */
  public static final String LOCAL_PART_TOO_LONG = "localPartTooLong";
  /** Misplaced dot in an unquoted local part, or text after its closing quote. */
  public static final String INVALID_LOCAL_PART = "invalidLocalPart";
  /** Quoted local part without closing quote. */
  public static final String UNTERMINATED_QUOTE = "unterminatedQuote";
  /** Nothing after the {@code @}, or only a dot. */
  public static final String EMPTY_DOMAIN = "emptyDomain";
  /** Leading, doubled or extra trailing dot in the domain. */
  public static final String EMPTY_LABEL = "emptyLabel";
  /** Domain label over 63 characters in ASCII form. */
  public static final String LABEL_TOO_LONG = "labelTooLong";
  /** Domain over 253 characters in ASCII form. */
  public static final String DOMAIN_TOO_LONG = "domainTooLong";
  /** Address over 254 octets. */
  public static final String ADDRESS_TOO_LONG = "addressTooLong";
  /** Whitespace, control, invisible or misplaced character. */
  public static final String INVALID_CHARACTER = "invalidCharacter";
  /** Hyphen at a label edge, numeric last label, or a label IDNA rejects. */
  public static final String INVALID_DOMAIN = "invalidDomain";
  /** An {@code xn--} label that does not decode and re-encode to itself. */
  public static final String INVALID_PUNYCODE = "invalidPunycode";
  /** Domain written with {@code ß} or {@code ς}. */
  public static final String IDN_DEVIATION = "idnDeviation";
  /** Address literal such as {@code [192.0.2.1]}. */
  public static final String DOMAIN_LITERAL = "domainLiteral";
  /** {@code *} anywhere but a leading {@code *.} of a domain entry. */
  public static final String INVALID_WILDCARD = "invalidWildcard";

  /** The reason code, one of the constants above. */
  private final String reason;

  /**
   * @param reason one of the reason codes above
   * @param message an English explanation that does not repeat the rejected input
   */
  public InvalidEmailException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * The stable reason code.
   *
   * @return one of the constants of this class, e.g. {@value #MULTIPLE_AT}
   */
  public String reason() {
    return reason;
  }
}
