package dev.portalaccess.keycloak.partner;

import org.keycloak.models.OrganizationModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Who calls {@link PartnerAccessResource} and what they may do: a realm admin through admin REST
 * ({@link PartnerAdminApiFactory}: Keycloak's admin permissions) or a partner administrator through the team page's
 * API ({@link PartnerTeamResource}: the realm's partner-administrators group). The rules are the same on both; only
 * the permission check and the acting user of the admin events differ.
 */
interface PartnerCaller {

    /** Reading staff, tenants, access and invitations; throws the caller's refusal. */
    void requireView();

    /** Any change; throws the caller's refusal. */
    void requireManage();

    /** Inviting an external user to this tenant (admin REST also needs Keycloak's own organization permission). */
    void requireInvite(OrganizationModel tenant);

    /** A fresh admin event builder whose auth details name the acting user. */
    AdminEventBuilder adminEvent();
}
