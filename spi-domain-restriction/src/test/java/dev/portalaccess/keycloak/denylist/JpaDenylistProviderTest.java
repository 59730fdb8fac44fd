package dev.portalaccess.keycloak.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.EmailRule;
import org.junit.jupiter.api.Test;

/** The lookup's IN list is padded to a few fixed sizes, and padding never changes which values are asked for. */
class JpaDenylistProviderTest {

    @Test
    void paddingRoundsUpToAPowerOfTwoOfAtLeastFour() {
        assertEquals(List.of("a", "a", "a", "a"), JpaDenylistProvider.padded(List.of("a")));
        assertEquals(4, JpaDenylistProvider.padded(List.of("a", "b", "c", "d")).size());
        assertEquals(8, JpaDenylistProvider.padded(List.of("a", "b", "c", "d", "e")).size());
        assertEquals(16, JpaDenylistProvider.padded(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")).size());
    }

    @Test
    void paddingKeepsExactlyTheCandidates() {
        var candidates = EmailRule.candidateValues(EmailAddress.parse("User+Tag@Mail.EU.Acme.com"));
        List<String> padded = JpaDenylistProvider.padded(candidates);
        assertEquals(new HashSet<>(candidates), new HashSet<>(padded));
        assertEquals(List.copyOf(candidates), padded.subList(0, candidates.size()), "order kept: most specific first");
        assertTrue(Integer.bitCount(padded.size()) == 1, "a power of two: " + padded.size());
    }
}
