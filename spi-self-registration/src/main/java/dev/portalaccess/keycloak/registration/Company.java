package dev.portalaccess.keycloak.registration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/** An organization seen as a company open to self-registration (its {@link CompanyAttributes}). */
record Company(OrganizationModel organization, boolean permitted, List<String> domains,
               Set<RegistrationMethod> methods, List<String> services, boolean grantPortalAccess) {

    static Company of(OrganizationModel org) {
        Map<String, List<String>> attributes = org.getAttributes();
        Set<RegistrationMethod> methods = EnumSet.noneOf(RegistrationMethod.class);
        values(attributes, CompanyAttributes.METHODS).forEach(v -> RegistrationMethod.fromKey(v)
                .filter(m -> m != RegistrationMethod.DIRECTORY)
                .ifPresent(methods::add));
        return new Company(org,
                org.isEnabled() && first(attributes, CompanyAttributes.PERMITTED),
                org.getDomains().map(OrganizationDomainModel::getName).toList(),
                Set.copyOf(methods),
                values(attributes, CompanyAttributes.SERVICES),
                first(attributes, CompanyAttributes.GRANT_PORTAL_ACCESS));
    }

    /** Values of a multi-valued attribute; a value may also hold a comma-separated list. */
    private static List<String> values(Map<String, List<String>> attributes, String key) {
        return attributes.getOrDefault(key, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean first(Map<String, List<String>> attributes, String key) {
        List<String> v = attributes.getOrDefault(key, List.of());
        return !v.isEmpty() && Boolean.parseBoolean(v.get(0).trim());
    }
}
