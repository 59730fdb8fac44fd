package dev.portalaccess.keycloak.registration;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/** An organization seen as a company open to self-registration ({@link CompanySelfRegistrationSettings}). */
record Company(OrganizationModel organization, boolean permitted, List<String> domains,
               Set<RegistrationMethod> methods, List<String> services, boolean grantPortalAccess) {

    static Company of(OrganizationModel org) {
        Map<String, List<String>> attributes = org.getAttributes();
        Set<RegistrationMethod> methods = EnumSet.noneOf(RegistrationMethod.class);
        CompanySelfRegistrationSettings.METHODS.readAll(attributes.get(CompanySelfRegistrationSettings.METHODS.key()))
                .forEach(list -> list.stream().filter(m -> m != RegistrationMethod.DIRECTORY).forEach(methods::add));
        return new Company(org,
                org.isEnabled() && CompanySelfRegistrationSettings.PERMITTED.read(
                        attributes.get(CompanySelfRegistrationSettings.PERMITTED.key())),
                org.getDomains().map(OrganizationDomainModel::getName).toList(),
                Set.copyOf(methods),
                CompanySelfRegistrationSettings.SERVICES.readAll(attributes.get(CompanySelfRegistrationSettings.SERVICES.key()))
                        .stream().flatMap(List::stream).toList(),
                CompanySelfRegistrationSettings.GRANT_PORTAL_ACCESS.read(
                        attributes.get(CompanySelfRegistrationSettings.GRANT_PORTAL_ACCESS.key())));
    }

    /** The attribute search for permitted companies: stored values are canonical, so {@code true} finds them all. */
    static Map<String, String> permittedSearch() {
        return Map.of(CompanySelfRegistrationSettings.PERMITTED.key(),
                CompanySelfRegistrationSettings.PERMITTED.write(Boolean.TRUE));
    }
}
