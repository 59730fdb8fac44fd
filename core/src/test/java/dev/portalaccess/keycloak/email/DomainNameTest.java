package dev.portalaccess.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Normalising domain-list entries and comparing domains label by label. */
class DomainNameTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      acme.com                 | acme.com
      Acme.COM.                | acme.com
      '  acme.com  '           | acme.com
      EU.Acme.Com              | eu.acme.com
      bücher.de                | xn--bcher-kva.de
      Bücher.DE.               | xn--bcher-kva.de
      xn--bcher-kva.de         | xn--bcher-kva.de
      XN--BCHER-KVA.DE         | xn--bcher-kva.de
      аcme.com                 | xn--cme-5cd.com
      ａｃｍｅ.ｃｏｍ             | acme.com
      acme。com                | acme.com
      日本.jp                   | xn--wgv71a.jp
      com                      | com
      a-b--c.example           | a-b--c.example
      ＳＰＡＭ．example          | spam.example
      xn--strae-oqa.de         | xn--strae-oqa.de
      xn--tda.com              | xn--tda.com
      eu.xn--wgv71a.jp         | eu.xn--wgv71a.jp
      3com.com                 | 3com.com
      """)
  void normalizes(String raw, String expected) {
    assertEquals(expected, DomainName.normalize(raw));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      .                        | emptyDomain
      .acme.com                | emptyLabel
      acme..com                | emptyLabel
      acme.com..               | emptyLabel
      acme .com                | invalidCharacter
      a@acme.com               | invalidCharacter
      acme_corp.com            | invalidCharacter
      acme.com/path            | invalidCharacter
      ac\u200Dme.com           | invalidCharacter
      ac\u034Fme.com           | invalidCharacter
      ac\uFE0Fme.com           | invalidCharacter
      acme.com\u200B           | invalidCharacter
      xn--zz.com               | invalidPunycode
      XN--ZZ.COM               | invalidPunycode
      xn--.com                 | invalidPunycode
      xn--abc.com              | invalidPunycode
      xn--wca.com              | invalidPunycode
      xn--acme-676a.com        | invalidPunycode
      xn--mi7ceg5a.com         | invalidPunycode
      mail.xn--zz              | invalidPunycode
      -acme.com                | invalidDomain
      acme-.com                | invalidDomain
      10.0.0.1                 | invalidDomain
      straße.de                | idnDeviation
      [10.0.0.1]               | domainLiteral
      """)
  void rejects(String raw, String reason) {
    assertEquals(reason, assertThrows(InvalidEmailException.class, () -> DomainName.normalize(raw)).reason());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void rejectsBlankAsEmptyDomain(String raw) {
    assertEquals("emptyDomain",
        assertThrows(InvalidEmailException.class, () -> DomainName.normalize(raw)).reason());
  }

  @Test
  void rejectsOverlongLabelsAndNames() {
    assertEquals("labelTooLong", assertThrows(InvalidEmailException.class,
        () -> DomainName.normalize("a".repeat(64) + ".com")).reason());
    String label = "a".repeat(63);
    assertEquals(label + ".com", DomainName.normalize(label + ".com"));
    assertEquals("domainTooLong", assertThrows(InvalidEmailException.class,
        () -> DomainName.normalize(String.join(".", label, label, label, label))).reason());
  }

  @ParameterizedTest(name = "[{index}] {0} inside {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      acme.com                 | acme.com       | true
      eu.acme.com              | acme.com       | true
      x.eu.acme.com            | acme.com       | true
      notacme.com              | acme.com       | false
      acme.com.evil.io         | acme.com       | false
      acme.com                 | eu.acme.com    | false
      cme.com                  | acme.com       | false
      xacme.com                | acme.com       | false
      acme.com                 | com            | true
      com                      | com            | true
      acme.co                  | acme.com       | false
      """)
  void comparesLabelByLabel(String domain, String parent, boolean expected) {
    assertEquals(expected, DomainName.isSameOrSubdomain(domain, parent));
    assertEquals(expected && !domain.equals(parent), DomainName.isStrictSubdomain(domain, parent));
  }

  @Test
  void listsParentsNearestFirst() {
    assertEquals(List.of("x.eu.acme.com", "eu.acme.com", "acme.com", "com"),
        DomainName.selfAndParents("x.eu.acme.com"));
    assertEquals(List.of("localhost"), DomainName.selfAndParents("localhost"));
  }

  @Test
  void showsUnicodeForDisplay() {
    assertEquals("bücher.de", DomainName.toUnicode("xn--bcher-kva.de"));
    assertEquals("acme.com", DomainName.toUnicode("acme.com"));
  }
}
