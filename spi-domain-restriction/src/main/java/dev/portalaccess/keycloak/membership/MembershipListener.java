package dev.portalaccess.keycloak.membership;

import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import dev.portalaccess.keycloak.organization.InvitationCreatingEvent;
import dev.portalaccess.keycloak.organization.MemberJoinedEvent;
import dev.portalaccess.keycloak.organization.MemberJoiningEvent;
import dev.portalaccess.keycloak.organization.OrganizationAttributesWrittenEvent;

/**
 * The domain restriction on core's organization events: a join and an invitation are refused before anything is
 * written; a join is noted, so that a settings write later in the same transaction re-checks it. Stateless: what a
 * transaction did is kept in its session ({@link MembershipRule}).
 */
final class MembershipListener implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof MemberJoiningEvent joining) {
            new MembershipRule(joining.session()).checkMayJoin(joining.organization(), joining.user());
        } else if (event instanceof MemberJoinedEvent joined) {
            new MembershipRule(joined.session()).joined(joined.organization(), joined.user());
        } else if (event instanceof InvitationCreatingEvent inviting) {
            new MembershipRule(inviting.session()).checkMayInvite(inviting.organization(), inviting.email());
        } else if (event instanceof OrganizationAttributesWrittenEvent written) {
            new MembershipRule(written.session()).checkJoinedInThisTransaction(written.organization(), written.after());
        }
    }
}
