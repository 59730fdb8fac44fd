package dev.portalaccess.keycloak.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntryLinesTest {

    @Test
    void commentsBlankLinesAndNotesAreRead() {
        EntryLines.Parsed parsed = EntryLines.parse("\uFEFF# spammers\n\nAcme.COM\r\n*.spam.example,\"from ticket 12, reopened\"\n bad@Mail.Example \n");
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        assertEquals(List.of("acme.com", "*.spam.example", "bad@mail.example"),
                parsed.entries().stream().map(e -> e.rule().value()).toList());
        assertNull(parsed.entries().get(0).note());
        assertEquals("from ticket 12, reopened", parsed.entries().get(1).note());
    }

    @Test
    void everyBadLineIsReportedByNumber() {
        EntryLines.Parsed parsed = EntryLines.parse("ok.example\na@@b.example\n# fine\n\"unclosed\na,b,c\nalso-ok.example\n@nolocal.example");
        List<Integer> lines = parsed.errors().stream().map(e -> (Integer) e.get("line")).toList();
        assertEquals(List.of(2, 4, 5, 7), lines);
        Map<String, Object> first = parsed.errors().get(0);
        assertEquals("a@@b.example", first.get("value"));
        assertEquals("multipleAt", first.get("error"));
        assertEquals("malformedCsv", parsed.errors().get(1).get("error"));
        assertEquals("tooManyColumns", parsed.errors().get(2).get("error"));
    }

    @Test
    void exportLinesImportBackUnchanged() {
        DenylistEntry plain = new DenylistEntry("1", "acme.com", "DOMAIN", "admin", 0, null);
        DenylistEntry noted = new DenylistEntry("2", "x@acme.com", "ADDRESS", "admin", 0, "said \"hi\", twice");
        String text = EntryLines.format(plain) + "\n" + EntryLines.format(noted) + "\n";
        EntryLines.Parsed parsed = EntryLines.parse(text);
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        assertEquals("acme.com", parsed.entries().get(0).rule().value());
        assertEquals("x@acme.com", parsed.entries().get(1).rule().value());
        assertEquals("said \"hi\", twice", parsed.entries().get(1).note());
    }
}
