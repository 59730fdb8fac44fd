package dev.portalaccess.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small in-memory lists: most specific match first, independent of order, duplicates kept once. */
class EmailRuleSetTest {

  private static final List<String> LIST = List.of("acme.com", "*.acme.com", "eu.acme.com",
      "a@eu.acme.com", "bücher.de", "*.partner.io");

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      a@eu.acme.com            | a@eu.acme.com
      A+X@EU.ACME.COM          | eu.acme.com
      b@x.eu.acme.com          | eu.acme.com
      b@us.acme.com            | *.acme.com
      b@acme.com               | acme.com
      b@xn--bcher-kva.de       | xn--bcher-kva.de
      b@shop.partner.io        | *.partner.io
      b@partner.io             | -
      b@notacme.com            | -
      b@acme.com.evil.io       | -
      b@аcme.com               | -
      """)
  void firstMatchIsTheMostSpecificRule(String address, String expected) {
    EmailAddress parsed = EmailAddress.parse(address);
    Optional<String> expectedValue = expected.equals("-") ? Optional.empty() : Optional.of(expected);
    for (List<String> order : List.of(LIST, reversed(LIST))) {
      EmailRuleSet set = EmailRuleSet.parse(order);
      assertEquals(expectedValue, set.firstMatch(parsed).map(EmailRule::value), order.toString());
      assertEquals(expectedValue.isPresent(), set.matches(parsed));
    }
  }

  @Test
  void emptySetMatchesNothing() {
    assertTrue(EmailRuleSet.parse(List.of()).isEmpty());
    assertTrue(EmailRuleSet.of(List.of()).isEmpty());
    assertTrue(EmailRuleSet.empty().isEmpty());
    assertFalse(EmailRuleSet.empty().matches(EmailAddress.parse("a@acme.com")));
    assertEquals(Optional.empty(), EmailRuleSet.empty().firstMatch(EmailAddress.parse("a@acme.com")));
  }

  @Test
  void duplicatesAfterNormalisationAreKeptOnce() {
    EmailRuleSet set = EmailRuleSet.parse(List.of("Acme.com", "acme.com.", " ACME.COM ", "bücher.de",
        "xn--bcher-kva.de"));
    assertEquals(2, set.size());
    assertEquals(List.of("acme.com", "xn--bcher-kva.de"), set.rules().stream().map(EmailRule::value).toList());
    assertFalse(set.isEmpty());
    assertEquals(set, EmailRuleSet.parse(List.of("xn--bcher-kva.de", "acme.com")));
  }

  @Test
  void parseFailsOnTheFirstBadEntry() {
    InvalidEmailException e = assertThrows(InvalidEmailException.class,
        () -> EmailRuleSet.parse(List.of("acme.com", "a@@b.com", "acme..com")));
    assertEquals("multipleAt", e.reason());
    assertEquals("empty", assertThrows(InvalidEmailException.class,
        () -> EmailRuleSet.parse(Arrays.asList("acme.com", null))).reason());
  }

  @Test
  void ofKeepsGivenRules() {
    EmailRule rule = EmailRule.parse("*.acme.com");
    EmailRuleSet set = EmailRuleSet.of(List.of(rule));
    assertEquals(Optional.of(rule), set.firstMatch(EmailAddress.parse("a@eu.acme.com")));
    assertFalse(set.matches(EmailAddress.parse("a@acme.com")));
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
