package dev.portalaccess.keycloak.email;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small in-memory list of {@link EmailRule}s, such as an organization's allowed domains. Immutable and
 * thread-safe. Entries that normalise to the same value are kept once.
 *
 * <p>Matching looks up {@link EmailRule#candidateValues(EmailAddress)} in a hash map, so its cost depends on
 * the number of labels of the address, not on the size of the list.
 */
public final class EmailRuleSet {

  private static final EmailRuleSet EMPTY = new EmailRuleSet(Collections.emptyMap());

  private final Map<String, EmailRule> byValue;

  private EmailRuleSet(Map<String, EmailRule> byValue) {
    this.byValue = byValue;
  }

  /**
   * A set of the given rules, in their order, without duplicates.
   *
   * @param rules the rules, none null
   * @return the set
   */
  public static EmailRuleSet of(Collection<EmailRule> rules) {
    Objects.requireNonNull(rules, "rules");
    if (rules.isEmpty()) {
      return EMPTY;
    }
    Map<String, EmailRule> byValue = new LinkedHashMap<>();
    for (EmailRule rule : rules) {
      Objects.requireNonNull(rule, "rule");
      byValue.putIfAbsent(rule.value(), rule);
    }
    return new EmailRuleSet(Collections.unmodifiableMap(byValue));
  }

  /**
   * Parses each entry with {@link EmailRule#parse(String)}.
   *
   * @param entries the entries as written
   * @return the set
   * @throws InvalidEmailException for the first entry that does not parse (blank entries included)
   */
  public static EmailRuleSet parse(Collection<String> entries) {
    Objects.requireNonNull(entries, "entries");
    List<EmailRule> rules = new ArrayList<>(entries.size());
    for (String entry : entries) {
      rules.add(EmailRule.parse(entry));
    }
    return of(rules);
  }

  /**
   * An empty set, which matches nothing.
   *
   * @return the empty set
   */
  public static EmailRuleSet empty() {
    return EMPTY;
  }

  /**
   * Whether any rule matches the address.
   *
   * @param address a parsed address
   * @return true when at least one rule covers it
   */
  public boolean matches(EmailAddress address) {
    return firstMatch(address).isPresent();
  }

  /**
   * The most specific rule that matches the address, in the order of
   * {@link EmailRule#candidateValues(EmailAddress)}: an address entry before the entry of the address's own
   * domain, before its parent's wildcard and domain entries, and so on outwards. Independent of the order in
   * which the rules were given.
   *
   * @param address a parsed address
   * @return the most specific matching rule, or empty
   */
  public Optional<EmailRule> firstMatch(EmailAddress address) {
    Objects.requireNonNull(address, "address");
    if (byValue.isEmpty()) {
      return Optional.empty();
    }
    for (String candidate : EmailRule.candidateValues(address)) {
      EmailRule rule = byValue.get(candidate);
      if (rule != null) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the set has no rules.
   *
   * @return true for an empty set
   */
  public boolean isEmpty() {
    return byValue.isEmpty();
  }

  /**
   * The number of distinct rules.
   *
   * @return the number of rules after removing duplicates
   */
  public int size() {
    return byValue.size();
  }

  /**
   * The distinct rules.
   *
   * @return the rules in the order first given, unmodifiable
   */
  public List<EmailRule> rules() {
    return List.copyOf(byValue.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmailRuleSet && ((EmailRuleSet) o).byValue.keySet().equals(byValue.keySet());
  }

  @Override
  public int hashCode() {
    return byValue.keySet().hashCode();
  }

  @Override
  public String toString() {
    return byValue.keySet().toString();
  }
}
