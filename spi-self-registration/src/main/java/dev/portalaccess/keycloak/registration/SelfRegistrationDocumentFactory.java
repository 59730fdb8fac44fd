package dev.portalaccess.keycloak.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.organization.utils.Organizations;

import dev.portalaccess.keycloak.email.DomainName;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import dev.portalaccess.keycloak.settings.InvalidSettingValue;
import dev.portalaccess.keycloak.settings.RealmSettingsDocumentFactory;
import dev.portalaccess.keycloak.settings.SettingTypes;
import dev.portalaccess.keycloak.settings.SettingsJson;

/**
 * {@code GET|PUT /admin/realms/{realm}/portal-access/settings/self-registration}: the realm's self-registration
 * policy and its permitted companies as one document,
 * {@code {"mode","anyone":{"methods","grantPortalAccess","defaultServices","directoryLoginUrl"},"companies":[...]}}.
 *
 * <p>Stored where an admin edits it in Keycloak's console, so realm export carries it: the policy in the settings of
 * the "Self-registration policy" step of the registration flow ({@link SelfRegistrationPolicy#find}; a step without
 * settings gets them, a realm without the step gets the config found by its alias), a company in its organization's
 * attributes ({@link CompanySelfRegistrationSettings}) and its domains in the organization's own domains. A write is
 * validated as a whole (every role, group, organization and domain must exist or be valid), then stored, then the
 * registration link follows ({@link RegistrationLinkSync}); a part left out of the document is left as it is.
 */
@AutoService(RealmSettingsDocumentFactory.class)
public final class SelfRegistrationDocumentFactory implements RealmSettingsDocumentFactory {

    public static final String PROVIDER_ID = "self-registration";

    static final String MODE = "mode";
    static final String ANYONE = "anyone";
    static final String COMPANIES = "companies";
    static final String METHODS = "methods";
    static final String GRANT_PORTAL_ACCESS = "grantPortalAccess";
    static final String DEFAULT_SERVICES = "defaultServices";
    static final String DIRECTORY_LOGIN_URL = "directoryLoginUrl";
    static final String ORGANIZATION_ID = "organizationId";
    static final String ALIAS = "alias";
    static final String NAME = "name";
    static final String DOMAINS = "domains";
    static final String SERVICES = "services";

    static final String UNKNOWN_SERVICE = "unknownService";
    static final String UNKNOWN_ORGANIZATION = "unknownOrganization";
    static final String DUPLICATE_ORGANIZATION = "duplicateOrganization";
    static final String METHOD_NOT_OFFERED = "methodNotOffered";
    static final String INVALID_DOMAIN = "invalidDomain";
    static final String DOMAIN_TAKEN = "domainTaken";
    static final String ORGANIZATIONS_DISABLED = "organizationsDisabled";

    /** Alias of the settings this document gives a policy step that has none. */
    static final String STEP_CONFIG_ALIAS = "self-registration-policy";

    @Override
    public Object read(KeycloakSession session, RealmModel realm) {
        Map<String, String> config = SelfRegistrationPolicy.find(realm).map(AuthenticatorConfigModel::getConfig).orElse(Map.of());
        SelfRegistrationPolicy policy = SelfRegistrationPolicy.from(config);
        Map<String, Object> anyone = new LinkedHashMap<>();
        anyone.put(METHODS, methodKeys(policy.methods()));
        anyone.put(GRANT_PORTAL_ACCESS, policy.grantPortalAccess());
        anyone.put(DEFAULT_SERVICES, policy.defaultServices());
        anyone.put(DIRECTORY_LOGIN_URL, SelfRegistrationPolicySettings.DIRECTORY_LOGIN_URL.read(config));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(MODE, SelfRegistrationPolicySettings.MODE.write(policy.mode()));
        out.put(ANYONE, anyone);
        out.put(COMPANIES, companies(session, realm));
        return out;
    }

    private static List<Map<String, Object>> companies(KeycloakSession session, RealmModel realm) {
        OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
        if (orgs == null || !realm.isOrganizationsEnabled()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        orgs.getAllStream(Company.permittedSearch(), null, null).map(Company::of)
                .filter(c -> CompanySelfRegistrationSettings.PERMITTED.read(
                        c.organization().getAttributes().get(CompanySelfRegistrationSettings.PERMITTED.key())))
                .sorted((a, b) -> a.organization().getAlias().compareTo(b.organization().getAlias()))
                .forEach(c -> {
                    Map<String, Object> company = new LinkedHashMap<>();
                    company.put(ORGANIZATION_ID, c.organization().getId());
                    company.put(ALIAS, c.organization().getAlias());
                    company.put(NAME, c.organization().getName());
                    company.put(METHODS, methodKeys(c.methods()));
                    company.put(GRANT_PORTAL_ACCESS, c.grantPortalAccess());
                    company.put(DOMAINS, c.domains().stream().sorted().toList());
                    company.put(SERVICES, c.services());
                    out.add(company);
                });
        return out;
    }

    private static List<String> methodKeys(Set<RegistrationMethod> methods) {
        return java.util.Arrays.stream(RegistrationMethod.values()).filter(methods::contains).map(RegistrationMethod::key).toList();
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    @Override
    public List<Problem> validate(KeycloakSession session, RealmModel realm, JsonNode document) {
        List<Problem> out = new ArrayList<>(SettingsJson.unknownProperties(document, Set.of(MODE, ANYONE, COMPANIES), ""));
        if (document == null || !document.isObject()) {
            return out;
        }
        out.addAll(SettingsJson.check(SelfRegistrationPolicySettings.MODE, document.get(MODE), MODE));
        JsonNode anyone = document.get(ANYONE);
        if (anyone != null && !anyone.isNull()) {
            out.addAll(SettingsJson.unknownProperties(anyone, Set.of(METHODS, GRANT_PORTAL_ACCESS, DEFAULT_SERVICES,
                    DIRECTORY_LOGIN_URL), ANYONE));
            if (anyone.isObject()) {
                out.addAll(methods(anyone.get(METHODS), ANYONE + "." + METHODS, true));
                out.addAll(SettingsJson.check(SelfRegistrationPolicySettings.GRANT_PORTAL_ACCESS, anyone.get(GRANT_PORTAL_ACCESS),
                        ANYONE + "." + GRANT_PORTAL_ACCESS));
                out.addAll(services(session, realm, anyone.get(DEFAULT_SERVICES), ANYONE + "." + DEFAULT_SERVICES));
                out.addAll(SettingsJson.check(SelfRegistrationPolicySettings.DIRECTORY_LOGIN_URL, anyone.get(DIRECTORY_LOGIN_URL),
                        ANYONE + "." + DIRECTORY_LOGIN_URL));
            }
        }
        JsonNode companies = document.get(COMPANIES);
        if (companies != null && !companies.isNull()) {
            if (!companies.isArray()) {
                out.add(shape(COMPANIES, "Expected a list of companies."));
            } else if (companies.size() > 0 && !realm.isOrganizationsEnabled()) {
                out.add(Problem.of(ORGANIZATIONS_DISABLED, COMPANIES, "portalAccessSelfRegistrationOrganizationsDisabled",
                        "Organizations are off in realm " + realm.getName() + ": companies need them."));
            } else {
                out.addAll(companies(session, realm, companies));
            }
        }
        return out;
    }

    private static List<Problem> companies(KeycloakSession session, RealmModel realm, JsonNode companies) {
        List<Problem> out = new ArrayList<>();
        OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
        Set<String> seen = new HashSet<>();
        Map<String, String> domainOwners = new HashMap<>();
        for (int i = 0; i < companies.size(); i++) {
            String at = COMPANIES + "[" + i + "]";
            JsonNode company = companies.get(i);
            out.addAll(SettingsJson.unknownProperties(company, Set.of(ORGANIZATION_ID, ALIAS, NAME, METHODS,
                    GRANT_PORTAL_ACCESS, DOMAINS, SERVICES), at));
            if (company == null || !company.isObject()) {
                continue;
            }
            JsonNode idNode = company.get(ORGANIZATION_ID);
            String id = idNode == null || !idNode.isTextual() ? null : idNode.asText().trim();
            OrganizationModel org = id == null || id.isEmpty() ? null : orgs.getById(id);
            if (org == null) {
                out.add(Problem.of(UNKNOWN_ORGANIZATION, at + "." + ORGANIZATION_ID, "portalAccessSelfRegistrationUnknownOrganization",
                        "No organization '" + (id == null ? "" : id) + "' in realm " + realm.getName() + ".", id == null ? "" : id));
            } else if (!seen.add(org.getId())) {
                out.add(Problem.of(DUPLICATE_ORGANIZATION, at + "." + ORGANIZATION_ID, "portalAccessSelfRegistrationDuplicateOrganization",
                        "Organization '" + org.getAlias() + "' is listed twice.", org.getAlias()));
            }
            out.addAll(methods(company.get(METHODS), at + "." + METHODS, false));
            out.addAll(SettingsJson.check(CompanySelfRegistrationSettings.GRANT_PORTAL_ACCESS, company.get(GRANT_PORTAL_ACCESS),
                    at + "." + GRANT_PORTAL_ACCESS));
            out.addAll(services(session, realm, company.get(SERVICES), at + "." + SERVICES));
            out.addAll(domains(orgs, org, company.get(DOMAINS), at + "." + DOMAINS, domainOwners));
        }
        return out;
    }

    /** Method keys; {@code directory} only for ANYONE (directory registration is never offered per company). */
    private static List<Problem> methods(JsonNode methods, String field, boolean directoryOffered) {
        List<Problem> out = new ArrayList<>();
        if (methods == null || methods.isNull()) {
            return out;
        }
        if (!methods.isArray()) {
            out.add(shape(field, "Expected a list of registration methods."));
            return out;
        }
        for (int i = 0; i < methods.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode item = methods.get(i);
            Optional<RegistrationMethod> method = item.isTextual() ? RegistrationMethod.fromKey(item.asText()) : Optional.empty();
            if (method.isEmpty()) {
                out.add(Problem.of(RegistrationSettingTypes.INVALID_METHOD, at, "portalAccessSelfRegistrationInvalidMethod",
                        "'" + item.asText() + "' is not a registration method: expected "
                                + String.join(", ", RegistrationSettingTypes.METHODS.choices()) + ".", item.asText()));
            } else if (method.get() == RegistrationMethod.DIRECTORY && !directoryOffered) {
                out.add(Problem.of(METHOD_NOT_OFFERED, at, "portalAccessSelfRegistrationMethodNotOffered",
                        "Directory registration is not offered per company (only in ANYONE mode).", item.asText()));
            }
        }
        return out;
    }

    /** Each service must read ({@code role:<realm role>}, {@code group:<path>}, a role name) and name a role or group of the realm. */
    private static List<Problem> services(KeycloakSession session, RealmModel realm, JsonNode services, String field) {
        List<Problem> out = new ArrayList<>();
        if (services == null || services.isNull()) {
            return out;
        }
        if (!services.isArray()) {
            out.add(shape(field, "Expected a list of services."));
            return out;
        }
        for (int i = 0; i < services.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode item = services.get(i);
            if (!item.isTextual()) {
                out.add(shape(at, "Expected a service: role:<realm role> or group:<group path>."));
                continue;
            }
            try {
                for (String service : RegistrationSettingTypes.SERVICES.parse(item.asText())) {
                    if (!ServiceGrants.exists(session, realm, service)) {
                        out.add(Problem.of(UNKNOWN_SERVICE, at, "portalAccessSelfRegistrationUnknownService",
                                "'" + service + "' names no realm role or group of realm " + realm.getName() + ".", service));
                    }
                }
            } catch (InvalidSettingValue e) {
                out.add(Problem.of(e.error(), at, e.messageKey(), e.reason(), item.asText()));
            }
        }
        return out;
    }

    /** Each domain must be a domain name (the email engine's and Keycloak's rules) not used by another organization. */
    private static List<Problem> domains(OrganizationProvider orgs, OrganizationModel org, JsonNode domains, String field,
                                         Map<String, String> owners) {
        List<Problem> out = new ArrayList<>();
        if (domains == null || domains.isNull()) {
            return out;
        }
        if (!domains.isArray()) {
            out.add(shape(field, "Expected a list of domains."));
            return out;
        }
        for (int i = 0; i < domains.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode item = domains.get(i);
            String raw = item.isTextual() ? item.asText() : item.toString();
            String domain;
            try {
                domain = DomainName.normalize(raw);
                Organizations.validateDomain(domain);
            } catch (InvalidEmailException e) {
                out.add(Problem.of(INVALID_DOMAIN, at, "portalAccessSelfRegistrationInvalidDomain",
                        "'" + raw + "' is not a domain name: " + e.reason() + ".", raw));
                continue;
            } catch (ModelException e) {
                out.add(Problem.of(INVALID_DOMAIN, at, "portalAccessSelfRegistrationInvalidDomain",
                        "'" + raw + "' is not a domain name: " + e.getMessage(), raw));
                continue;
            }
            OrganizationModel owner = orgs.getByDomainName(domain);
            String self = org == null ? null : org.getId();
            String listedBy = owners.putIfAbsent(domain, self == null ? "" : self);
            if ((owner != null && !Objects.equals(owner.getId(), self)
                    && owner.getDomains().anyMatch(d -> d.getName().equalsIgnoreCase(domain)))
                    || (listedBy != null && !listedBy.equals(self == null ? "" : self))) {
                out.add(Problem.of(DOMAIN_TAKEN, at, "portalAccessSelfRegistrationDomainTaken",
                        "Domain '" + domain + "' belongs to another organization.", domain));
            }
        }
        return out;
    }

    private static Problem shape(String field, String message) {
        return Problem.of(SettingTypes.INVALID_VALUE, field, SettingTypes.INVALID_VALUE_KEY, message);
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    @Override
    public void write(KeycloakSession session, RealmModel realm, JsonNode document) {
        if (document.has(MODE) || document.hasNonNull(ANYONE)) {
            writePolicy(realm, document);
        }
        JsonNode companies = document.get(COMPANIES);
        if (companies != null && !companies.isNull()) {
            writeCompanies(session, realm, companies);
        }
        RegistrationLinkSync.sync(session, realm);
    }

    private static void writePolicy(RealmModel realm, JsonNode document) {
        AuthenticatorConfigModel model = SelfRegistrationPolicy.find(realm).orElse(null);
        Map<String, String> config = new LinkedHashMap<>(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
        SettingsJson.canonical(SelfRegistrationPolicySettings.MODE, document, MODE).ifPresent(v -> put(config,
                SelfRegistrationPolicySettings.MODE.key(), v));
        JsonNode anyone = document.get(ANYONE);
        if (anyone != null && anyone.isObject()) {
            JsonNode methods = anyone.get(METHODS);
            if (methods != null && methods.isArray()) {
                Set<RegistrationMethod> on = new LinkedHashSet<>();
                methods.forEach(m -> RegistrationMethod.fromKey(m.asText()).ifPresent(on::add));
                config.put(SelfRegistrationPolicySettings.PORTAL.key(), flag(on.contains(RegistrationMethod.PORTAL)));
                config.put(SelfRegistrationPolicySettings.IDENTITY_PROVIDER.key(), flag(on.contains(RegistrationMethod.IDENTITY_PROVIDER)));
                config.put(SelfRegistrationPolicySettings.EMAIL.key(), flag(on.contains(RegistrationMethod.EMAIL)));
                config.put(SelfRegistrationPolicySettings.DIRECTORY.key(), flag(on.contains(RegistrationMethod.DIRECTORY)));
            }
            SettingsJson.canonical(SelfRegistrationPolicySettings.GRANT_PORTAL_ACCESS, anyone, GRANT_PORTAL_ACCESS)
                    .ifPresent(v -> put(config, SelfRegistrationPolicySettings.GRANT_PORTAL_ACCESS.key(), v));
            SettingsJson.canonical(SelfRegistrationPolicySettings.DEFAULT_SERVICES, anyone, DEFAULT_SERVICES)
                    .ifPresent(v -> put(config, SelfRegistrationPolicySettings.DEFAULT_SERVICES.key(), v));
            SettingsJson.canonical(SelfRegistrationPolicySettings.DIRECTORY_LOGIN_URL, anyone, DIRECTORY_LOGIN_URL)
                    .ifPresent(v -> put(config, SelfRegistrationPolicySettings.DIRECTORY_LOGIN_URL.key(), v));
        }
        if (model != null) {
            model.setConfig(config);
            realm.updateAuthenticatorConfig(model);
            return;
        }
        // the step of the registration flow without settings gets them; else the config found by its alias
        AuthenticationExecutionModel step = realm.getRegistrationFlow() == null ? null
                : SelfRegistrationPolicy.steps(realm, realm.getRegistrationFlow().getId()).findFirst().orElse(null);
        AuthenticatorConfigModel created = new AuthenticatorConfigModel();
        created.setAlias(step == null ? SelfRegistrationPolicySettings.POLICY_CONFIG_ALIAS
                : STEP_CONFIG_ALIAS + "-" + KeycloakModelUtils.generateId().substring(0, 8));
        created.setConfig(config);
        created = realm.addAuthenticatorConfig(created);
        if (step != null) {
            step.setAuthenticatorConfig(created.getId());
            realm.updateAuthenticatorExecution(step);
        }
    }

    private static void put(Map<String, String> config, String key, List<String> values) {
        if (values.isEmpty()) {
            config.remove(key);
        } else {
            config.put(key, String.join(Constants.CFG_DELIMITER, values));
        }
    }

    private static String flag(boolean on) {
        return SettingTypes.FLAG.write(on);
    }

    private static void writeCompanies(KeycloakSession session, RealmModel realm, JsonNode companies) {
        OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
        Set<String> listed = new HashSet<>();
        companies.forEach(c -> listed.add(c.get(ORGANIZATION_ID).asText().trim()));
        // companies left out of the document are no longer permitted (their other attributes stay)
        orgs.getAllStream(Company.permittedSearch(), null, null).toList().stream()
                .filter(org -> !listed.contains(org.getId()))
                .forEach(org -> org.setAttributes(withChanges(org, Map.of(CompanySelfRegistrationSettings.PERMITTED.key(), List.of()))));
        for (JsonNode company : companies) {
            OrganizationModel org = orgs.getById(company.get(ORGANIZATION_ID).asText().trim());
            Map<String, List<String>> changes = new LinkedHashMap<>();
            changes.put(CompanySelfRegistrationSettings.PERMITTED.key(), List.of(flag(true)));
            SettingsJson.canonical(CompanySelfRegistrationSettings.METHODS, company, METHODS)
                    .ifPresent(v -> changes.put(CompanySelfRegistrationSettings.METHODS.key(), v));
            SettingsJson.canonical(CompanySelfRegistrationSettings.GRANT_PORTAL_ACCESS, company, GRANT_PORTAL_ACCESS)
                    .ifPresent(v -> changes.put(CompanySelfRegistrationSettings.GRANT_PORTAL_ACCESS.key(), v));
            SettingsJson.canonical(CompanySelfRegistrationSettings.SERVICES, company, SERVICES)
                    .ifPresent(v -> changes.put(CompanySelfRegistrationSettings.SERVICES.key(), v));
            org.setAttributes(withChanges(org, changes));
            JsonNode domains = company.get(DOMAINS);
            if (domains != null && domains.isArray()) {
                writeDomains(org, domains);
            }
        }
    }

    private static Map<String, List<String>> withChanges(OrganizationModel org, Map<String, List<String>> changes) {
        return SettingsJson.merged(org, changes);
    }

    /** The organization's own domains become the listed ones; a domain it keeps keeps its verified flag. */
    private static void writeDomains(OrganizationModel org, JsonNode domains) {
        Map<String, Boolean> verified = new HashMap<>();
        org.getDomains().forEach(d -> verified.put(d.getName(), d.isVerified()));
        Set<OrganizationDomainModel> next = new LinkedHashSet<>();
        for (JsonNode d : domains) {
            String name = DomainName.normalize(d.asText());
            next.add(new OrganizationDomainModel(name, verified.getOrDefault(name, false)));
        }
        try {
            org.setDomains(next);
        } catch (ModelException e) {
            throw Problems.badRequest(Problem.of(INVALID_DOMAIN, COMPANIES, "portalAccessSelfRegistrationInvalidDomain",
                    e.getMessage()));
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
