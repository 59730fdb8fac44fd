package dev.portalaccess.keycloak.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.membership.MembershipSettings.Verdict;
import dev.portalaccess.keycloak.membership.MembershipSettings.WithoutInvitation;
import org.junit.jupiter.api.Test;

class MembershipSettingsTest {

    private static MembershipSettings restrictedTo(String... entries) {
        return MembershipSettings.of(Map.of(
                DomainRestrictionSettings.ENABLED.key(), List.of("true"),
                DomainRestrictionSettings.ENTRIES.key(), List.of(entries)));
    }

    @Test
    void noAttributesMeansUnrestrictedAndRefuseWithoutInvitation() {
        MembershipSettings settings = MembershipSettings.of(null);
        assertFalse(settings.restricted());
        assertEquals(Verdict.ALLOWED, settings.check("anyone@anywhere.example"));
        assertEquals(Verdict.ALLOWED, settings.check(null));
        assertEquals(WithoutInvitation.REFUSE, settings.withoutInvitation());
    }

    @Test
    void domainsAreIgnoredWhileTheSwitchIsOff() {
        MembershipSettings settings = MembershipSettings.of(Map.of(
                DomainRestrictionSettings.ENABLED.key(), List.of("false"),
                DomainRestrictionSettings.ENTRIES.key(), List.of("acme.com")));
        assertEquals(Verdict.ALLOWED, settings.check("mallory@evil.example"));
    }

    @Test
    void domainEntryAdmitsTheDomainItsSubdomainsAnyCase() {
        MembershipSettings settings = restrictedTo("acme.com");
        assertEquals(Verdict.ALLOWED, settings.check("bob@acme.com"));
        assertEquals(Verdict.ALLOWED, settings.check("Bob@ACME.Com"));
        assertEquals(Verdict.ALLOWED, settings.check("eve@eu.acme.com"));
        assertEquals(Verdict.DOMAIN_NOT_ALLOWED, settings.check("mallory@notacme.com"));
        assertEquals(Verdict.DOMAIN_NOT_ALLOWED, settings.check("mallory@acme.com.evil.example"));
    }

    @Test
    void wildcardEntryAdmitsOnlySubdomains() {
        MembershipSettings settings = restrictedTo("*.acme.com");
        assertEquals(Verdict.DOMAIN_NOT_ALLOWED, settings.check("bob@acme.com"));
        assertEquals(Verdict.ALLOWED, settings.check("eve@eu.acme.com"));
    }

    @Test
    void addressEntryAdmitsExactlyThatAddress() {
        MembershipSettings settings = restrictedTo("contractor@gmail.com");
        assertEquals(Verdict.ALLOWED, settings.check("Contractor@gmail.com"));
        assertEquals(Verdict.DOMAIN_NOT_ALLOWED, settings.check("other@gmail.com"));
    }

    @Test
    void internationalizedDomainsMatchInUnicodeAndPunycode() {
        assertEquals(Verdict.ALLOWED, restrictedTo("bücher.example").check("anna@xn--bcher-kva.example"));
        assertEquals(Verdict.ALLOWED, restrictedTo("xn--bcher-kva.example").check("anna@bücher.example"));
    }

    @Test
    void missingOrInvalidEmailIsRefusedWhileRestricted() {
        MembershipSettings settings = restrictedTo("acme.com");
        assertEquals(Verdict.EMAIL_MISSING, settings.check(null));
        assertEquals(Verdict.EMAIL_MISSING, settings.check(" "));
        assertEquals(Verdict.EMAIL_INVALID, settings.check("not-an-address"));
    }

    @Test
    void restrictionWithoutValidEntriesAdmitsNobody() {
        assertEquals(Verdict.DOMAIN_NOT_ALLOWED, restrictedTo().check("bob@acme.com"));
        // an invalid stored entry only narrows the set: it is ignored, the valid ones still count
        MembershipSettings settings = restrictedTo("not a domain", "acme.com");
        assertEquals(Verdict.ALLOWED, settings.check("bob@acme.com"));
        assertEquals(Verdict.DOMAIN_NOT_ALLOWED, settings.check("x@not.example"));
    }

    @Test
    void withoutInvitationPolicyIsReadCaseInsensitively() {
        assertEquals(WithoutInvitation.JOIN, MembershipSettings.of(Map.of(
                DomainRestrictionSettings.JIT_WITHOUT_INVITATION.key(), List.of("Join"))).withoutInvitation());
        assertEquals(WithoutInvitation.REFUSE, MembershipSettings.of(Map.of(
                DomainRestrictionSettings.JIT_WITHOUT_INVITATION.key(), List.of("whatever"))).withoutInvitation());
        assertTrue(restrictedTo("acme.com").restricted());
    }
}
