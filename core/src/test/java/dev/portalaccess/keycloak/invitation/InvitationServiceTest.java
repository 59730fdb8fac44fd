package dev.portalaccess.keycloak.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.email.InvalidEmailException;
import dev.portalaccess.keycloak.problem.Problem;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.representations.idm.OrganizationInvitationRepresentation;

/** The pure parts of the invitation service: address normal form, Keycloak's representation, refusals. */
class InvitationServiceTest {

    @Test
    void addressesTakeTheEmailEnginesNormalForm() {
        assertEquals("vic@example.org", InvitationService.normalizeEmail("  VIC@Example.ORG "));
        // compatibility characters folded (full-width letters), IDN domains as punycode
        assertEquals("john@acme.com", InvitationService.normalizeEmail("\uFF4A\uFF4F\uFF48\uFF4E@acme.com"));
        assertEquals("ann@xn--bcher-kva.example", InvitationService.normalizeEmail("ann@b\u00FCcher.example"));
    }

    @Test
    void invisibleAndMalformedAddressesAreRefused() {
        InvalidEmailException invisible = assertThrows(InvalidEmailException.class,
                () -> InvitationService.normalizeEmail("vic\u200B@example.org"));
        assertEquals(InvalidEmailException.INVALID_CHARACTER, invisible.reason());
        assertThrows(InvalidEmailException.class, () -> InvitationService.normalizeEmail(null));
        assertThrows(InvalidEmailException.class, () -> InvitationService.normalizeEmail("a@b@c.example"));
    }

    @Test
    void theAnswerIsKeycloaksRepresentationWithEveryProperty() {
        int now = Time.currentTime();
        Invitation pending = new Invitation("i-1", "o-1", "vic@example.org", null, "Tor", now - 10, now + 3600, "https://link");

        OrganizationInvitationRepresentation rep = InvitationService.representation(pending);
        assertEquals("i-1", rep.getId());
        assertEquals("o-1", rep.getOrganizationId());
        assertEquals(now - 10, rep.getSentDate());
        assertEquals(OrganizationInvitationRepresentation.Status.PENDING, rep.getStatus());
        assertNull(rep.getInviteLink(), "Keycloak's representation carries no link");

        Map<String, Object> withoutLink = InvitationService.document(pending, false);
        assertEquals(List.of("id", "organizationId", "email", "firstName", "lastName", "sentDate", "expiresAt", "status"),
                List.copyOf(withoutLink.keySet()));
        assertTrue(withoutLink.containsKey("firstName") && withoutLink.get("firstName") == null, "unset names are null, not missing");
        assertFalse(withoutLink.containsKey("inviteLink"), "the link is a credential");
        assertEquals("https://link", InvitationService.document(pending, true).get("inviteLink"));

        Invitation expired = new Invitation("i-2", "o-1", "old@example.org", null, null, now - 7200, now - 3600, null);
        assertEquals("EXPIRED", InvitationService.document(expired, false).get("status"));

        OrganizationInvitationRepresentation minimal = InvitationService.minimalRepresentation(pending);
        assertEquals("vic@example.org", minimal.getEmail());
        assertNull(minimal.getLastName(), "the admin event's representation is Keycloak's minimal one");
    }

    @Test
    void refusalsFollowTheErrorContract() {
        InvitationRefusedException invited = new InvitationRefusedException(InvitationRefusedException.Reason.ALREADY_INVITED,
                "vic@example.org already has a pending invitation to Acme.", "vic@example.org", "i-1");
        Problem problem = invited.problem();
        assertEquals(409, invited.status());
        assertEquals("alreadyInvited", problem.error());
        assertEquals("email", problem.field());
        assertEquals("portalAccessInvitationAlreadyInvited", problem.messageKey());
        assertEquals(List.of("vic@example.org"), problem.params());
        assertEquals("i-1", invited.pendingInvitationId());

        InvitationRefusedException disabled = new InvitationRefusedException(InvitationRefusedException.Reason.ORGANIZATION_DISABLED,
                "Organization Acme is disabled.", null, null);
        assertEquals(400, disabled.status());
        assertNull(disabled.problem().field());
        assertEquals(List.of(), disabled.problem().params());
        assertEquals(500, InvitationRefusedException.Reason.EMAIL_NOT_SENT.status());
    }

    @Test
    void aRequestKeepsWhatItWasGiven() {
        InvitationRequest request = InvitationRequest.of("vic@example.org", "Vic", null).withRole("Viewer").withRedirectUri("https://portal");
        assertEquals(new InvitationRequest("vic@example.org", "Vic", null, "Viewer", "https://portal"), request);
        assertNull(InvitationRequest.of("a@b.example", null, null).role());
    }

    /** A plain invitation model (a pure value for the representation; no server). */
    private record Invitation(String id, String organizationId, String email, String firstName, String lastName,
                              int createdAt, int expiresAt, String link) implements OrganizationInvitationModel {
        @Override public String getId() { return id; }
        @Override public String getOrganizationId() { return organizationId; }
        @Override public String getEmail() { return email; }
        @Override public void setEmail(String value) { throw new IllegalStateException("read only"); }
        @Override public String getFirstName() { return firstName; }
        @Override public void setFirstName(String value) { throw new IllegalStateException("read only"); }
        @Override public String getLastName() { return lastName; }
        @Override public void setLastName(String value) { throw new IllegalStateException("read only"); }
        @Override public int getCreatedAt() { return createdAt; }
        @Override public int getExpiresAt() { return expiresAt; }
        @Override public void setExpiresAt(int value) { throw new IllegalStateException("read only"); }
        @Override public String getInviteLink() { return link; }
        @Override public void setInviteLink(String value) { throw new IllegalStateException("read only"); }
        @Override public InvitationStatus getStatus() { return isExpired() ? InvitationStatus.EXPIRED : InvitationStatus.PENDING; }
    }
}
