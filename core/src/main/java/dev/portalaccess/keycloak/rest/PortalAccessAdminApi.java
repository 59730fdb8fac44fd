package dev.portalaccess.keycloak.rest;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * A part of the typed admin API that a feature module contributes below
 * {@code /admin/realms/{realm}/portal-access/}: the factory's id is the path segment (e.g. {@code customers},
 * {@code denylist}, {@code settings}), the returned object a JAX-RS sub-resource. Core knows no feature; a
 * feature switched off ({@code --spi-portal-access-admin-api--<id>--enabled=false}) answers 404.
 */
public interface PortalAccessAdminApi extends Provider {

    /**
     * @param auth       Keycloak's permission evaluator of the authenticated admin (realm roles, fine-grained admin
     *                   permissions, master-realm admins acting on this realm)
     * @param adminEvent Keycloak's admin event builder of this request (the sub-resource sets the resource type)
     */
    Object resource(RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent);

    @Override
    default void close() {
    }
}
