package dev.portalaccess.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** List entries: their syntax, what they match, and the index keys that find them. */
class EmailRuleTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # entry                    | kind       | value                      | domain()
      acme.com                     | DOMAIN     | acme.com                   | acme.com
      ' ACME.com. '                | DOMAIN     | acme.com                   | acme.com
      eu.acme.com                  | DOMAIN     | eu.acme.com                | eu.acme.com
      com                          | DOMAIN     | com                        | com
      bücher.de                    | DOMAIN     | xn--bcher-kva.de           | xn--bcher-kva.de
      XN--BCHER-KVA.de             | DOMAIN     | xn--bcher-kva.de           | xn--bcher-kva.de
      аcme.com                     | DOMAIN     | xn--cme-5cd.com            | xn--cme-5cd.com
      ａｃｍｅ.com                   | DOMAIN     | acme.com                   | acme.com
      *.acme.com                   | SUBDOMAINS | *.acme.com                 | acme.com
      *.ACME.COM.                  | SUBDOMAINS | *.acme.com                 | acme.com
      '  *.acme.com  '             | SUBDOMAINS | *.acme.com                 | acme.com
      *.com                        | SUBDOMAINS | *.com                      | com
      *.bücher.de                  | SUBDOMAINS | *.xn--bcher-kva.de         | xn--bcher-kva.de
      a+x@acme.com                 | ADDRESS    | a+x@acme.com               | acme.com
      A+X@Acme.COM.                | ADDRESS    | a+x@acme.com               | acme.com
      a@bücher.de                  | ADDRESS    | a@xn--bcher-kva.de         | xn--bcher-kva.de
      "John Doe"@acme.com          | ADDRESS    | "john doe"@acme.com        | acme.com
      "a@b"@acme.com               | ADDRESS    | "a@b"@acme.com             | acme.com
      "a"@acme.com                 | ADDRESS    | a@acme.com                 | acme.com
      josé@acme.com                | ADDRESS    | josé@acme.com              | acme.com
      """)
  void parsesEntries(String entry, EmailRule.Kind kind, String value, String domain) {
    EmailRule rule = EmailRule.parse(entry);
    assertEquals(kind, rule.kind());
    assertEquals(value, rule.value());
    assertEquals(domain, rule.domain());
    assertEquals(rule, EmailRule.parse(value), "the normalised value parses to the same rule");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      *                        | invalidWildcard
      *acme.com                | invalidWildcard
      **.acme.com              | invalidWildcard
      eu.*.acme.com            | invalidWildcard
      acme.*                   | invalidWildcard
      *@acme.com               | invalidWildcard
      "*"@acme.com             | invalidWildcard
      a@*.acme.com             | invalidWildcard
      *.                       | emptyDomain
      @acme.com                | emptyLocalPart
      a@b@acme.com             | multipleAt
      acme..com                | emptyLabel
      .acme.com                | emptyLabel
      *..acme.com              | emptyLabel
      acme.com..               | emptyLabel
      acme .com                | invalidCharacter
      acme,com                 | invalidCharacter
      straße.de                | idnDeviation
      *.straße.de              | idnDeviation
      -acme.com                | invalidDomain
      192.168.0.1              | invalidDomain
      [192.168.0.1]            | domainLiteral
      "john@acme.com           | unterminatedQuote
      a..b@acme.com            | invalidLocalPart
      xn--zz.com               | invalidPunycode
      *.xn--zz.com             | invalidPunycode
      a@xn--zz.com             | invalidPunycode
      sp\u200Bam.example       | invalidCharacter
      sp\u034Fam.example       | invalidCharacter
      *.sp\u00ADam.example     | invalidCharacter
      a\uFE0F@spam.example     | invalidCharacter
      """)
  void rejectsEntries(String entry, String reason) {
    assertEquals(reason, assertThrows(InvalidEmailException.class, () -> EmailRule.parse(entry)).reason());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void rejectsBlankEntries(String entry) {
    assertEquals("empty", assertThrows(InvalidEmailException.class, () -> EmailRule.parse(entry)).reason());
  }

  @ParameterizedTest
  @ValueSource(ints = {63, 64})
  void rejectsOverlongLabelsInEntries(int length) {
    String entry = "*." + "a".repeat(length) + ".com";
    if (length <= 63) {
      assertEquals(entry, EmailRule.parse(entry).value());
    } else {
      assertEquals("labelTooLong",
          assertThrows(InvalidEmailException.class, () -> EmailRule.parse(entry)).reason());
    }
  }

  /** The matching table: entry, address, expected. Every row is also checked against candidateValues. */
  @ParameterizedTest(name = "[{index}] {0} vs {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # domain entries: the domain and every subdomain, label by label
      acme.com             | a@acme.com                 | true
      acme.com             | a@eu.acme.com              | true
      acme.com             | a@x.eu.acme.com            | true
      acme.com             | A@ACME.COM                 | true
      acme.com             | a@Acme.Com.                | true
      ACME.COM.            | a@eu.acme.com              | true
      acme.com             | ' a@acme.com '             | true
      acme.com             | a+x@acme.com               | true
      acme.com             | a+x+y@eu.acme.com          | true
      acme.com             | "john doe"@acme.com        | true
      acme.com             | a@notacme.com              | false
      acme.com             | a@acme.com.evil.io         | false
      acme.com             | a@eu.acme.com.evil.io      | false
      acme.com             | a@evil-acme.com            | false
      acme.com             | a@acme.co                  | false
      acme.com             | a@acme.community           | false
      acme.com             | a@cme.com                  | false
      # compatibility spellings fold to one address (NFKC), in entries and addresses alike
      bad@acme.com         | ｂａｄ@acme.com               | true
      ｂａｄ@ａｃｍｅ.com       | bad@acme.com               | true
      jose\u0301@acme.com  | josé@acme.com              | true
      acme.com             | "a@acme.com"@evil.io       | false
      acme.com             | acme.com@evil.io           | false
      eu.acme.com          | a@acme.com                 | false
      eu.acme.com          | a@x.eu.acme.com            | true
      com                  | a@acme.com                 | true
      com                  | a@acme.co                  | false
      # subdomain wildcards: subdomains only
      *.acme.com           | a@eu.acme.com              | true
      *.acme.com           | a@x.eu.acme.com            | true
      *.acme.com           | A+X@EU.ACME.COM            | true
      *.acme.com           | a@acme.com                 | false
      *.acme.com           | a@notacme.com              | false
      *.acme.com           | a@eu.notacme.com           | false
      *.acme.com           | a@acme.com.evil.io         | false
      *.acme.com           | a@eu.acme.com.evil.io      | false
      *.eu.acme.com        | a@eu.acme.com              | false
      *.eu.acme.com        | a@x.eu.acme.com            | true
      *.com                | a@acme.com                 | true
      *.com                | a@com                      | false
      # full addresses: exact, case-insensitive, plus-addressing only as written
      a@acme.com           | a@acme.com                 | true
      a@acme.com           | A@Acme.COM                 | true
      a@acme.com           | a@acme.com.                | true
      A@ACME.COM           | a@acme.com                 | true
      a@acme.com           | a+x@acme.com               | false
      a@acme.com           | a+@acme.com                | false
      a+x@acme.com         | a+x@acme.com               | true
      a+x@acme.com         | A+X@ACME.COM               | true
      a+x@acme.com         | a@acme.com                 | false
      a+x@acme.com         | a+y@acme.com               | false
      a@acme.com           | a@eu.acme.com              | false
      a@acme.com           | b@acme.com                 | false
      a@acme.com           | a@notacme.com              | false
      a@acme.com           | aa@acme.com                | false
      a@acme.com           | "a"@acme.com               | true
      "a"@acme.com         | a@acme.com                 | true
      "john doe"@acme.com  | "John Doe"@ACME.com        | true
      "john doe"@acme.com  | johndoe@acme.com           | false
      "a@b"@acme.com       | "A@B"@acme.com             | true
      josé@acme.com        | JOSÉ@acme.com              | true
      josé@acme.com        | jose\u0301@acme.com        | true
      josé@acme.com        | jose@acme.com              | false
      # IDN: the Unicode and the punycode spellings match each other
      bücher.de            | a@xn--bcher-kva.de         | true
      bücher.de            | a@shop.xn--bcher-kva.de    | true
      xn--bcher-kva.de     | a@bücher.de                | true
      xn--bcher-kva.de     | a@BÜCHER.DE                | true
      XN--BCHER-KVA.DE     | a@Bücher.de                | true
      *.bücher.de          | a@shop.xn--bcher-kva.de    | true
      *.xn--bcher-kva.de   | a@shop.bücher.de           | true
      *.bücher.de          | a@bücher.de                | false
      a@bücher.de          | A@XN--BCHER-KVA.DE         | true
      a@xn--bcher-kva.de   | a@bücher.de                | true
      bucher.de            | a@bücher.de                | false
      bücher.de            | a@bucher.de                | false
      日本.jp               | a@xn--wgv71a.jp            | true
      # look-alikes: a Cyrillic а is another domain, full-width letters are IDNA-mapped to ASCII
      acme.com             | a@аcme.com                 | false
      аcme.com             | a@acme.com                 | false
      аcme.com             | a@xn--cme-5cd.com          | true
      xn--cme-5cd.com      | a@аcme.com                 | true
      *.acme.com           | a@eu.аcme.com              | false
      a@acme.com           | а@acme.com                 | false
      acme.com             | a@ａｃｍｅ.com               | true
      acme.com             | a@acme。com                | true
      """)
  void matches(String entry, String address, boolean expected) {
    EmailRule rule = EmailRule.parse(entry);
    EmailAddress parsed = EmailAddress.parse(address);
    assertEquals(expected, rule.matches(parsed));
    assertEquals(expected, EmailRule.candidateValues(parsed).contains(rule.value()),
        "candidateValues agrees with matches");
    assertEquals(expected, EmailRuleSet.of(List.of(rule)).matches(parsed), "a one-rule set agrees");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      # address              | candidate values, most specific first, separated by ;
      a+x@eu.acme.com          | a+x@eu.acme.com;eu.acme.com;*.acme.com;acme.com;*.com;com
      A+X@EU.Acme.COM.         | a+x@eu.acme.com;eu.acme.com;*.acme.com;acme.com;*.com;com
      a@acme.com               | a@acme.com;acme.com;*.com;com
      a@x.eu.acme.co.uk        | a@x.eu.acme.co.uk;x.eu.acme.co.uk;*.eu.acme.co.uk;eu.acme.co.uk;*.acme.co.uk;acme.co.uk;*.co.uk;co.uk;*.uk;uk
      user@localhost           | user@localhost;localhost
      A@Bücher.DE.             | a@xn--bcher-kva.de;xn--bcher-kva.de;*.de;de
      "John Doe"@acme.com      | "john doe"@acme.com;acme.com;*.com;com
      "John"@acme.com          | john@acme.com;acme.com;*.com;com
      a@аcme.com               | a@xn--cme-5cd.com;xn--cme-5cd.com;*.com;com
      """)
  void candidateValuesInOrder(String address, String expected) {
    List<String> values = new ArrayList<>(EmailRule.candidateValues(EmailAddress.parse(address)));
    assertEquals(Arrays.asList(expected.split(";")), values);
  }

  static final List<String> ENTRIES = List.of("acme.com", "*.acme.com", "eu.acme.com", "*.eu.acme.com",
      "com", "*.com", "a@acme.com", "a+x@acme.com", "a@eu.acme.com", "bücher.de", "*.bücher.de",
      "\"a b\"@acme.com", "notacme.com", "аcme.com", "evil.io");

  static final List<String> ADDRESSES = List.of("a@acme.com", "a+x@acme.com", "A@EU.ACME.COM",
      "b@x.eu.acme.com", "a@notacme.com", "a@acme.com.evil.io", "a@xn--bcher-kva.de", "a@shop.bücher.de",
      "\"A B\"@acme.com", "a@аcme.com", "a@localhost", "a@com");

  static Stream<Arguments> everyEntryAgainstEveryAddress() {
    return ENTRIES.stream().flatMap(e -> ADDRESSES.stream().map(a -> Arguments.of(e, a)));
  }

  /** The contract the denylist store relies on: a rule matches exactly when its value is a candidate. */
  @ParameterizedTest(name = "[{index}] {0} vs {1}")
  @MethodSource("everyEntryAgainstEveryAddress")
  void candidateValuesContainExactlyTheMatchingRules(String entry, String address) {
    EmailRule rule = EmailRule.parse(entry);
    EmailAddress parsed = EmailAddress.parse(address);
    assertEquals(rule.matches(parsed), EmailRule.candidateValues(parsed).contains(rule.value()));
  }
}
