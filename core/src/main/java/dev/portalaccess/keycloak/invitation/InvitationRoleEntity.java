package dev.portalaccess.keycloak.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The role one invitation grants ({@code PA_INVITATION_ROLE}). The row's key is the invitation's id and a foreign key
 * to Keycloak's {@code ORG_INVITATION} with {@code ON DELETE CASCADE}: it lives exactly as long as the invitation.
 * No JPA association to Keycloak's entity on purpose: the cascade is the database's, whoever removes the invitation.
 */
@Entity
@Table(name = "PA_INVITATION_ROLE")
@NamedQueries({
        @NamedQuery(name = "paInvitationRole",
                query = "select r.role from InvitationRoleEntity r where r.invitationId = :invitationId"),
        @NamedQuery(name = "paInvitationRoleDelete",
                query = "delete from InvitationRoleEntity r where r.invitationId = :invitationId")
})
public class InvitationRoleEntity {

    @Id
    @Column(name = "INVITATION_ID", length = 36)
    private String invitationId;

    @Column(name = "ROLE", length = 255, nullable = false)
    private String role;

    public InvitationRoleEntity() {
    }

    InvitationRoleEntity(String invitationId, String role) {
        this.invitationId = invitationId;
        this.role = role;
    }

    public String getInvitationId() {
        return invitationId;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
