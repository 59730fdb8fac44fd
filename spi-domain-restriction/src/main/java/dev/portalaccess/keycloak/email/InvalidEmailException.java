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
 *   <li>{@value #INVALID_CHARACTER}: whitespace, a control or invisible formatting character, or a
 *       character that is not allowed where it stands (e.g. {@code _} in a domain, {@code ,} in an
 *       unquoted local part).</li>
 *   <li>{@value #INVALID_DOMAIN}: a label that starts or ends with a hyphen, a numeric top-level label
 *       (an IP address without brackets), or an internationalized label that IDNA rejects.</li>
 *   <li>{@value #IDN_DEVIATION}: an internationalized domain written with {@code ß} or final sigma
 *       {@code ς}, which IDNA2003 and IDNA2008 encode differently; write its {@code xn--} form.</li>
 *   <li>{@value #DOMAIN_LITERAL}: an address literal such as {@code user@[192.0.2.1]}.</li>
 *   <li>{@value #INVALID_WILDCARD}: a {@code *} in a rule entry anywhere but a leading {@code *.} label,
 *       or a {@code *} local part (write the domain instead).</li>
 * </ul>
 */
public final class InvalidEmailException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public static final String EMPTY = "empty";
  public static final String MISSING_AT = "missingAt";
  public static final String MULTIPLE_AT = "multipleAt";
  public static final String EMPTY_LOCAL_PART = "emptyLocalPart";
  public static final String LOCAL_PART_TOO_LONG = "localPartTooLong";
  public static final String INVALID_LOCAL_PART = "invalidLocalPart";
  public static final String UNTERMINATED_QUOTE = "unterminatedQuote";
  public static final String EMPTY_DOMAIN = "emptyDomain";
  public static final String EMPTY_LABEL = "emptyLabel";
  public static final String LABEL_TOO_LONG = "labelTooLong";
  public static final String DOMAIN_TOO_LONG = "domainTooLong";
  public static final String ADDRESS_TOO_LONG = "addressTooLong";
  public static final String INVALID_CHARACTER = "invalidCharacter";
  public static final String INVALID_DOMAIN = "invalidDomain";
  public static final String IDN_DEVIATION = "idnDeviation";
  public static final String DOMAIN_LITERAL = "domainLiteral";
  public static final String INVALID_WILDCARD = "invalidWildcard";

  private final String reason;

  /**
   * @param reason one of the reason codes above
   * @param message an English explanation that does not repeat the rejected input
   */
  public InvalidEmailException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The stable reason code, e.g. {@value #MULTIPLE_AT}. */
  public String reason() {
    return reason;
  }
}
