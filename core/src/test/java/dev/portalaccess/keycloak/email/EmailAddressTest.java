package dev.portalaccess.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and normalising addresses: what is accepted, how it is normalised, and every rejection reason. */
class EmailAddressTest {

  @ParameterizedTest(name = "[{index}] {0} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # raw                          | localPart()          | domain()                  | normalized()
      john@acme.com                    | john                 | acme.com                  | john@acme.com
      John.Doe@Acme.COM                | John.Doe             | acme.com                  | john.doe@acme.com
      JOHN@ACME.COM                    | JOHN                 | acme.com                  | john@acme.com
      '  a@acme.com  '                 | a                    | acme.com                  | a@acme.com
      '\ta@acme.com\t'                 | a                    | acme.com                  | a@acme.com
      a@acme.com.                      | a                    | acme.com                  | a@acme.com
      A@ACME.COM.                      | A                    | acme.com                  | a@acme.com
      a+x@eu.acme.com                  | a+x                  | eu.acme.com               | a+x@eu.acme.com
      A+Tag.Two@Acme.com               | A+Tag.Two            | acme.com                  | a+tag.two@acme.com
      first.last-1_2@sub.acme.co.uk    | first.last-1_2       | sub.acme.co.uk            | first.last-1_2@sub.acme.co.uk
      a!#$%&*+-/=?^_`{}~@acme.com      | a!#$%&*+-/=?^_`{}~   | acme.com                  | a!#$%&*+-/=?^_`{}~@acme.com
      user@localhost                   | user                 | localhost                 | user@localhost
      a@xn--bcher-kva.de               | a                    | xn--bcher-kva.de          | a@xn--bcher-kva.de
      a@XN--BCHER-KVA.DE               | a                    | xn--bcher-kva.de          | a@xn--bcher-kva.de
      a@bücher.de                      | a                    | xn--bcher-kva.de          | a@xn--bcher-kva.de
      a@BÜCHER.DE.                     | a                    | xn--bcher-kva.de          | a@xn--bcher-kva.de
      a@münchen.de                     | a                    | xn--mnchen-3ya.de         | a@xn--mnchen-3ya.de
      a@日本.jp                         | a                    | xn--wgv71a.jp             | a@xn--wgv71a.jp
      a@пример.рф                      | a                    | xn--e1afmkfd.xn--p1ai     | a@xn--e1afmkfd.xn--p1ai
      a@аcme.com                       | a                    | xn--cme-5cd.com           | a@xn--cme-5cd.com
      a@ａｃｍｅ.com                     | a                    | acme.com                  | a@acme.com
      a@acme。com                      | a                    | acme.com                  | a@acme.com
      a@acme．com                      | a                    | acme.com                  | a@acme.com
      a@xn--strae-oqa.de               | a                    | xn--strae-oqa.de          | a@xn--strae-oqa.de
      josé@acme.com                    | josé                 | acme.com                  | josé@acme.com
      JOSÉ@ACME.COM                    | JOSÉ                 | acme.com                  | josé@acme.com
      jose\u0301@acme.com              | josé                 | acme.com                  | josé@acme.com
      ｊｏｈｎ@acme.com                  | john                 | acme.com                  | john@acme.com
      Ｊｏｈｎ＠ａｃｍｅ．ｃｏｍ             | John                 | acme.com                  | john@acme.com
      ﬁle@acme.com                     | file                 | acme.com                  | file@acme.com
      a@xn--Bcher-KVA.de               | a                    | xn--bcher-kva.de          | a@xn--bcher-kva.de
      a@xn--wgv71a.jp                  | a                    | xn--wgv71a.jp             | a@xn--wgv71a.jp
      用户@例え.jp                      | 用户                 | xn--r8jz45g.jp            | 用户@xn--r8jz45g.jp
      "john doe"@acme.com              | "john doe"           | acme.com                  | "john doe"@acme.com
      "John Doe"@Acme.com              | "John Doe"           | acme.com                  | "john doe"@acme.com
      "a@b"@acme.com                   | "a@b"                | acme.com                  | "a@b"@acme.com
      "a@b@c"@acme.com                 | "a@b@c"              | acme.com                  | "a@b@c"@acme.com
      "John"@acme.com                  | "John"               | acme.com                  | john@acme.com
      "john.doe"@acme.com              | "john.doe"           | acme.com                  | john.doe@acme.com
      "\\J\\ohn"@acme.com              | "\\J\\ohn"           | acme.com                  | john@acme.com
      "john..doe"@acme.com             | "john..doe"          | acme.com                  | "john..doe"@acme.com
      ".john"@acme.com                 | ".john"              | acme.com                  | ".john"@acme.com
      "a\\"b"@acme.com                 | "a\\"b"              | acme.com                  | "a\\"b"@acme.com
      "a\\\\b"@acme.com                | "a\\\\b"             | acme.com                  | "a\\\\b"@acme.com
      "a,b"@acme.com                   | "a,b"                | acme.com                  | "a,b"@acme.com
      ' "a b"@acme.com '               | "a b"                | acme.com                  | "a b"@acme.com
      """)
  void acceptsAndNormalises(String raw, String localPart, String domain, String normalized) {
    EmailAddress address = EmailAddress.parse(raw);
    assertEquals(localPart, address.localPart());
    assertEquals(domain, address.domain());
    assertEquals(normalized, address.normalized());
    assertEquals(normalized, address.toString());
    assertEquals(address, EmailAddress.parse(normalized), "normalised form parses to itself");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # raw                           | reason
      acme.com                          | missingAt
      john                              | missingAt
      "john doe"                        | missingAt
      a@b@acme.com                      | multipleAt
      a@@acme.com                       | multipleAt
      john@acme.com@                    | multipleAt
      @@                                | multipleAt
      a@acme.com@evil.io                | multipleAt
      "a@b"@c@acme.com                  | multipleAt
      "a"b"@acme.com                    | invalidLocalPart
      @acme.com                         | emptyLocalPart
      @                                 | emptyLocalPart
      ""@acme.com                       | emptyLocalPart
      '   @acme.com'                    | emptyLocalPart
      a@                                | emptyDomain
      a@.                               | emptyDomain
      "john@acme.com                    | unterminatedQuote
      "john\\"@acme.com                 | unterminatedQuote
      "john"x@acme.com                  | invalidLocalPart
      "john".doe@acme.com               | invalidLocalPart
      .john@acme.com                    | invalidLocalPart
      john.@acme.com                    | invalidLocalPart
      jo..hn@acme.com                   | invalidLocalPart
      a@.acme.com                       | emptyLabel
      a@acme..com                       | emptyLabel
      a@acme.com..                      | emptyLabel
      a@..                              | emptyLabel
      john doe@acme.com                 | invalidCharacter
      'a @acme.com'                     | invalidCharacter
      'a@ acme.com'                     | invalidCharacter
      a@ac me.com                       | invalidCharacter
      a\tb@acme.com                     | invalidCharacter
      a\u00A0b@acme.com                 | invalidCharacter
      a@acme\u3000.com                  | invalidCharacter
      a,b@acme.com                      | invalidCharacter
      a(comment)@acme.com               | invalidCharacter
      <a@acme.com>                      | invalidCharacter
      a\\b@acme.com                     | invalidCharacter
      jo"hn@acme.com                    | invalidCharacter
      "a\tb"@acme.com                   | invalidCharacter
      "a\u00A0b"@acme.com               | invalidCharacter
      a@acme_corp.com                   | invalidCharacter
      a@acme.c*m                        | invalidCharacter
      a@ac\u200Dme.com                  | invalidCharacter
      a@ac\u200Cme.com                  | invalidCharacter
      a@ac\u200Bme.com                  | invalidCharacter
      a@acme\u00AD.com                  | invalidCharacter
      a@acme.com\u202E                  | invalidCharacter
      a\u202E@acme.com                  | invalidCharacter
      a\uFEFF@acme.com                  | invalidCharacter
      \u200Ba@acme.com                  | invalidCharacter
      a@acme.com\u200B                  | invalidCharacter
      a@ac\u034Fme.com                  | invalidCharacter
      a\u034F@acme.com                  | invalidCharacter
      a@acme\uFE0F.com                  | invalidCharacter
      a\uFE00@acme.com                  | invalidCharacter
      a\u3164b@acme.com                 | invalidCharacter
      a@ac\u115Fme.com                  | invalidCharacter
      a@ac\u180Bme.com                  | invalidCharacter
      a@ac\u1806me.com                  | invalidCharacter
      a@ac\u2060me.com                  | invalidCharacter
      a\u2064@acme.com                  | invalidCharacter
      a@acme\u061C.com                  | invalidCharacter
      "a\u200Bb"@acme.com               | invalidCharacter
      a＠b@acme.com                      | multipleAt
      a@xn--zz.com                      | invalidPunycode
      a@xn--.com                        | invalidPunycode
      a@xn--a.com                       | invalidPunycode
      a@xn--abc.com                     | invalidPunycode
      a@xn--acme-.com                   | invalidPunycode
      a@xn--wca.com                     | invalidPunycode
      a@xn--acme-676a.com               | invalidPunycode
      a@xn--mi7ceg5a.com                | invalidPunycode
      a@eu.xn--zz.acme.com              | invalidPunycode
      a@ａｃｍｅ＿.com                    | invalidCharacter
      a@-acme.com                       | invalidDomain
      a@acme-.com                       | invalidDomain
      a@192.168.0.1                     | invalidDomain
      a@acme.123                        | invalidDomain
      a@-bücher.de                      | invalidDomain
      a@straße.de                       | idnDeviation
      a@STRASSE.de                      | ~ok
      a@ευρώπης.ς                       | idnDeviation
      a@[192.168.0.1]                   | domainLiteral
      a@[IPv6:2001:db8::1]              | domainLiteral
      """)
  void rejectsWithReason(String raw, String reason) {
    if (reason.equals("~ok")) {
      // A control row: the ASCII spelling of a deviation is an ordinary domain.
      assertEquals("strasse.de", EmailAddress.parse(raw).domain());
      return;
    }
    InvalidEmailException e = assertThrows(InvalidEmailException.class, () -> EmailAddress.parse(raw));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(EmailAddress.tryParse(raw).isEmpty());
  }

  static Stream<Arguments> lengthLimitsAndControlCharacters() {
    String label63 = "a".repeat(63);
    String domain253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
    return Stream.of(
        Arguments.of("a".repeat(64) + "@acme.com", null),
        Arguments.of("a".repeat(65) + "@acme.com", "localPartTooLong"),
        Arguments.of("é".repeat(32) + "@acme.com", null),
        Arguments.of("é".repeat(33) + "@acme.com", "localPartTooLong"),
        Arguments.of("\"" + "a".repeat(62) + "\"@acme.com", null),
        Arguments.of("\"" + "a".repeat(63) + "\"@acme.com", "localPartTooLong"),
        Arguments.of("a@" + label63 + ".com", null),
        Arguments.of("a@" + "a".repeat(64) + ".com", "labelTooLong"),
        Arguments.of("a@eu." + "a".repeat(64), "labelTooLong"),
        Arguments.of("a@" + "é".repeat(60) + ".com", "labelTooLong"),
        Arguments.of("a@" + domain253.substring(0, 250) + ".com", "domainTooLong"),
        Arguments.of("a@" + label63 + "." + label63 + "." + label63 + "." + label63, "domainTooLong"),
        Arguments.of("a@" + label63 + "." + label63 + "." + label63 + ".com", null),
        Arguments.of("a".repeat(64) + "@" + label63 + "." + label63 + "." + "c".repeat(58) + ".com",
            "addressTooLong"),
        Arguments.of("a".repeat(64) + "@" + label63 + "." + label63 + "." + "c".repeat(57) + ".com", null),
        Arguments.of("a\u0000@acme.com", "invalidCharacter"),
        Arguments.of("a\nb@acme.com", "invalidCharacter"),
        Arguments.of("a@acme.com\r\nBcc: evil.io", "invalidCharacter"),
        Arguments.of("a|b@acme.com", null),
        Arguments.of("a@acme\u0007.com", "invalidCharacter"),
        Arguments.of("\"a\u0001b\"@acme.com", "invalidCharacter"),
        Arguments.of("\"a\\\u0001\"@acme.com", "invalidCharacter"),
        Arguments.of("a@\u034F.com", "invalidCharacter"),
        Arguments.of("a@" + new String(Character.toChars(0xE0041)) + "cme.com", "invalidCharacter"),
        Arguments.of("a" + new String(Character.toChars(0xE0100)) + "@acme.com", "invalidCharacter"),
        Arguments.of("a" + new String(Character.toChars(0x1D173)) + "@acme.com", "invalidCharacter"),
        Arguments.of("a'b@acme.com", null));
  }

  @ParameterizedTest(name = "[{index}] reason {1}")
  @MethodSource("lengthLimitsAndControlCharacters")
  void enforcesLengthLimitsAndRejectsControlCharacters(String raw, String reason) {
    if (reason == null) {
      assertTrue(EmailAddress.tryParse(raw).isPresent(), raw);
    } else {
      assertEquals(reason, assertThrows(InvalidEmailException.class, () -> EmailAddress.parse(raw)).reason());
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "  \n  "})
  void rejectsBlankInputAsEmpty(String raw) {
    assertEquals("empty", assertThrows(InvalidEmailException.class, () -> EmailAddress.parse(raw)).reason());
  }

  @Test
  void unicodeLookAlikeIsADifferentAddress() {
    EmailAddress latin = EmailAddress.parse("a@acme.com");
    EmailAddress cyrillic = EmailAddress.parse("a@\u0430cme.com");
    assertNotEquals(latin, cyrillic);
    assertNotEquals(latin.domain(), cyrillic.domain());
    assertNotEquals(EmailAddress.parse("a@acme.com"), EmailAddress.parse("\u0430@acme.com"));
  }

  @Test
  void messagesDoNotRepeatTheInput() {
    InvalidEmailException e =
        assertThrows(InvalidEmailException.class, () -> EmailAddress.parse("secret.person@@acme.com"));
    assertTrue(!e.getMessage().contains("secret"), e.getMessage());
  }
}
