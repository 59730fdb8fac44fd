package dev.portalaccess.keycloak.registration;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Applies an allowed {@link RegistrationDecision} to a newly registered user: company membership first
 * (the company's employee list, recorded on the user as a self-registered membership for the email-change
 * rule {@link SelfRegisteredCompanyEmailRuleFactory}), then the services. A service is {@code role:<realm role>},
 * {@code group:<group path>} or a bare realm role name.
 */
final class ServiceGrants {

    private static final Logger LOG = Logger.getLogger(ServiceGrants.class);

    static final String ROLE_PREFIX = "role:";
    static final String GROUP_PREFIX = "group:";

    private ServiceGrants() {
    }

    /** Returns the services actually granted (unknown ones are logged and skipped). */
    static List<String> apply(KeycloakSession session, RealmModel realm, UserModel user, RegistrationDecision decision) {
        if (decision.company() != null) {
            OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
            if (!orgs.isMember(decision.company(), user)) {
                orgs.addMember(decision.company(), user);
            }
            SelfRegisteredCompanyEmailRuleFactory.recordMembership(user, decision.company());
        }
        List<String> granted = new ArrayList<>();
        for (String service : decision.services()) {
            if (grant(session, realm, user, service)) {
                granted.add(service);
            } else {
                LOG.warnf("Realm %s: self-registration service '%s' names no realm role or group; not granted to %s",
                        realm.getName(), service, user.getUsername());
            }
        }
        return granted;
    }

    /** Whether a service names a realm role or group of the realm (what {@link #apply} can grant). */
    static boolean exists(KeycloakSession session, RealmModel realm, String service) {
        if (service.startsWith(GROUP_PREFIX)) {
            String path = service.substring(GROUP_PREFIX.length()).trim();
            return KeycloakModelUtils.findGroupByPath(session, realm, path.startsWith("/") ? path : "/" + path) != null;
        }
        String name = service.startsWith(ROLE_PREFIX) ? service.substring(ROLE_PREFIX.length()).trim() : service.trim();
        return realm.getRole(name) != null;
    }

    private static boolean grant(KeycloakSession session, RealmModel realm, UserModel user, String service) {
        if (service.startsWith(GROUP_PREFIX)) {
            String path = service.substring(GROUP_PREFIX.length()).trim();
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path.startsWith("/") ? path : "/" + path);
            if (group == null) {
                return false;
            }
            user.joinGroup(group);
            return true;
        }
        String name = service.startsWith(ROLE_PREFIX) ? service.substring(ROLE_PREFIX.length()).trim() : service.trim();
        RoleModel role = realm.getRole(name);
        if (role == null) {
            return false;
        }
        user.grantRole(role);
        return true;
    }
}
