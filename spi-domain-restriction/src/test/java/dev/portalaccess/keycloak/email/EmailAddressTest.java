package dev.portalaccess.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1} / {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      john@acme.com                | john@acme.com              | acme.com
      John.Doe@Acme.COM            | john.doe@acme.com           | acme.com
      '  a@acme.com  '             | a@acme.com                 | acme.com
      a@acme.com.                  | a@acme.com                 | acme.com
      a+x@eu.acme.com              | a+x@eu.acme.com            | eu.acme.com
      a@bücher.de                  | a@xn--bcher-kva.de         | xn--bcher-kva.de
      a@XN--BCHER-KVA.DE           | a@xn--bcher-kva.de         | xn--bcher-kva.de
      "john doe"@acme.com          | "john doe"@acme.com        | acme.com
      "a@b"@acme.com               | "a@b"@acme.com             | acme.com
      "John"@acme.com              | john@acme.com              | acme.com
      """)
  void parsesAndNormalises(String raw, String normalized, String domain) {
    EmailAddress address = EmailAddress.parse(raw);
    assertEquals(normalized, address.normalized());
    assertEquals(domain, address.domain());
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      acme.com                     | missingAt
      a@b@acme.com                 | multipleAt
      @acme.com                    | emptyLocalPart
      a@                           | emptyDomain
      a@.acme.com                  | emptyLabel
      a@acme..com                  | emptyLabel
      'john doe@acme.com'          | invalidCharacter
      """)
  void rejects(String raw, String reason) {
    InvalidEmailException e = assertThrows(InvalidEmailException.class, () -> EmailAddress.parse(raw));
    assertEquals(reason, e.reason());
  }
}
