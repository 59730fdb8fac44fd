package dev.portalaccess.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3492 Punycode: the sample strings of section 7.1 both ways, and input that is not Punycode. */
class PunycodeTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', textBlock = """
      \u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F | egbpdaj6bu4bxfgehfvwxn
      \u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587 | ihqwcrb4cv8a8dqg056pqjye
      Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky | Proprostnemluvesky-uyb24dma41a
      b\u00FCcher | bcher-kva
      stra\u00DFe | strae-oqa
      \u65E5\u672C | wgv71a
      """)
  void encodesAndDecodesTheRfcSamples(String unicode, String encoded) {
    assertEquals(encoded, Punycode.encode(unicode));
    assertEquals(unicode, Punycode.decode(encoded).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz", "9", "99999999999", "a\u00FC-kva", "-kva9"})
  void refusesTextThatIsNotPunycode(String encoded) {
    assertTrue(Punycode.decode(encoded).isEmpty(), encoded);
  }
}
