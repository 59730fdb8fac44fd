package dev.portalaccess.keycloak.email;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of an email list (denylist, allowed or accepted domains). Immutable; equal when their
 * {@linkplain #value() normalised values} are equal.
 *
 * <table>
 *   <caption>Entry syntax</caption>
 *   <tr><th>Entry</th><th>Kind</th><th>Matches</th><th>Does not match</th></tr>
 *   <tr><td>{@code acme.com}</td><td>{@link Kind#DOMAIN}</td>
 *       <td>{@code a@acme.com}, {@code a+x@eu.acme.com}</td>
 *       <td>{@code a@notacme.com}, {@code a@acme.com.evil.io}</td></tr>
 *   <tr><td>{@code *.acme.com}</td><td>{@link Kind#SUBDOMAINS}</td>
 *       <td>{@code a@eu.acme.com}, {@code a@x.eu.acme.com}</td><td>{@code a@acme.com}</td></tr>
 *   <tr><td>{@code a+x@acme.com}</td><td>{@link Kind#ADDRESS}</td>
 *       <td>{@code A+X@ACME.COM}</td><td>{@code a@acme.com}, {@code a+y@acme.com}, {@code a+x@eu.acme.com}</td></tr>
 * </table>
 *
 * <p>Entries are normalised like addresses ({@link EmailAddress}, {@link DomainName}): trimmed, lower-cased,
 * trailing dot dropped, IDN to punycode, so {@code Bücher.DE.} and {@code xn--bcher-kva.de} are the same
 * entry. A {@code *} is only allowed as a leading {@code *.} label; {@code *@acme.com}, {@code *acme.com}
 * and {@code @acme.com} are rejected rather than guessed at (write {@code acme.com}).
 */
public final class EmailRule {

  /** What an entry covers. */
  public enum Kind {
    /** {@code acme.com}: the domain and all its subdomains. */
    DOMAIN,
    /** {@code *.acme.com}: the subdomains of the domain, not the domain itself. */
    SUBDOMAINS,
    /** {@code a+x@acme.com}: exactly that address, case-insensitively. */
    ADDRESS
  }

  static final String WILDCARD_PREFIX = "*.";

  private final Kind kind;
  private final String value;
  /** The domain for DOMAIN and SUBDOMAINS, the whole normalised address for ADDRESS. */
  private final String target;

  private EmailRule(Kind kind, String value, String target) {
    this.kind = kind;
    this.value = value;
    this.target = target;
  }

  /**
   * Parses one list entry.
   *
   * @param entry {@code acme.com}, {@code *.acme.com} or {@code a+x@acme.com}, in any case, with or without
   *     surrounding whitespace and trailing dot, the domain in Unicode or punycode
   * @return the rule
   * @throws InvalidEmailException with the reason code of the first problem (see
   *     {@link InvalidEmailException}); {@value InvalidEmailException#EMPTY} for a blank entry
   */
  public static EmailRule parse(String entry) {
    if (entry == null || entry.isBlank()) {
      throw new InvalidEmailException(InvalidEmailException.EMPTY, "The entry is empty.");
    }
    String s = Chars.fold(entry.strip());
    if (s.charAt(0) == '"' || s.indexOf('@') >= 0) {
      int at = s.lastIndexOf('@');
      if (at >= 0 && s.indexOf('*', at + 1) >= 0) {
        throw new InvalidEmailException(InvalidEmailException.INVALID_WILDCARD,
            "An address entry cannot have a wildcard domain; write *.acme.com to cover subdomains.");
      }
      EmailAddress address = EmailAddress.parse(s);
      if (address.normalized().startsWith("*@")) {
        throw new InvalidEmailException(InvalidEmailException.INVALID_WILDCARD,
            "A '*' before the '@' is not a wildcard; write the domain alone to cover all its addresses.");
      }
      return new EmailRule(Kind.ADDRESS, address.normalized(), address.normalized());
    }
    if (s.startsWith(WILDCARD_PREFIX)) {
      String domain = DomainName.normalizeDomainPart(checkNoWildcard(s.substring(WILDCARD_PREFIX.length())));
      return new EmailRule(Kind.SUBDOMAINS, WILDCARD_PREFIX + domain, domain);
    }
    String domain = DomainName.normalizeDomainPart(checkNoWildcard(s));
    return new EmailRule(Kind.DOMAIN, domain, domain);
  }

  private static String checkNoWildcard(String domain) {
    if (domain.indexOf('*') >= 0) {
      throw new InvalidEmailException(InvalidEmailException.INVALID_WILDCARD,
          "A '*' is only allowed as the first label of an entry, as in *.acme.com.");
    }
    return domain;
  }

  /**
   * The kind of entry.
   *
   * @return DOMAIN, SUBDOMAINS or ADDRESS
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The normalised entry: {@code acme.com}, {@code *.acme.com} or {@code a+x@acme.com}. This is the
   * key to store and to look up with {@link #candidateValues(EmailAddress)}.
   *
   * @return the normalised entry
   */
  public String value() {
    return value;
  }

  /**
   * The domain this entry is about ({@code acme.com} for all three example entries above), e.g. to check
   * that an organization's rule lies inside one of its domains.
   *
   * @return the normalised domain of the entry, without wildcard or local part
   */
  public String domain() {
    return kind == Kind.ADDRESS ? target.substring(target.lastIndexOf('@') + 1) : target;
  }

  /**
   * Whether the address falls under this entry.
   *
   * @param address a parsed address
   * @return true when the entry covers the address
   */
  public boolean matches(EmailAddress address) {
    Objects.requireNonNull(address, "address");
    switch (kind) {
      case DOMAIN:
        return DomainName.isSameOrSubdomain(address.domain(), target);
      case SUBDOMAINS:
        return DomainName.isStrictSubdomain(address.domain(), target);
      default:
        return address.normalized().equals(target);
    }
  }

  /**
   * Every normalised entry value that would match this address, so a store of millions of entries looks up
   * a handful of keys with an index instead of scanning: for {@code a+x@eu.acme.com} the set is
   * {@code a+x@eu.acme.com, eu.acme.com, *.acme.com, acme.com, *.com, com}.
   *
   * <p>{@code rule.matches(address)} holds exactly when {@code candidateValues(address).contains(rule.value())}.
   * The set iterates from the most specific entry to the least specific: the address, then for each domain
   * from the address's own outwards, the domain entry followed by the wildcard entry of its parent. Its size
   * is {@code 2 * labels}; the set is unmodifiable.
   *
   * @param address a parsed address
   * @return the normalised entry values that match it, most specific first
   */
  public static Set<String> candidateValues(EmailAddress address) {
    Objects.requireNonNull(address, "address");
    List<String> domains = DomainName.selfAndParents(address.domain());
    Set<String> values = new LinkedHashSet<>(2 * domains.size() + 1);
    values.add(address.normalized());
    for (int i = 0; i < domains.size(); i++) {
      values.add(domains.get(i));
      if (i + 1 < domains.size()) {
        values.add(WILDCARD_PREFIX + domains.get(i + 1));
      }
    }
    return Collections.unmodifiableSet(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmailRule && ((EmailRule) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The {@linkplain #value() normalised entry}. */
  @Override
  public String toString() {
    return value;
  }
}
