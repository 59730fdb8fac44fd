package dev.portalaccess.keycloak.bench.partner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.bench.BenchContext;
import dev.portalaccess.keycloak.bench.BenchReport;
import dev.portalaccess.keycloak.bench.Benchmark;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.jboss.logging.Logger;

/**
 * Partner access at scale: 10,000 partner users and 2,000 tenants with "Automatically Add Partner Users"
 * on. Measures, through the real admin REST: switching auto-add on for a tenant (10,000 users gain access),
 * adding one partner user (2,000 tenants), and one user's access check to one tenant side by side with
 * Keycloak's plain organization membership check; plus Keycloak's one-by-one membership add as the
 * reference the bulk path replaces.
 */
@AutoService(Benchmark.class)
public final class PartnerBenchmark implements Benchmark {

    private static final Logger LOG = Logger.getLogger(PartnerBenchmark.class);
    private static final String NAME = "partner";

    private static final int STAFF = Integer.getInteger("bench.partner.staff", 10_000);
    private static final int TENANTS = Integer.getInteger("bench.partner.tenants", 2_000);
    private static final int SWITCH_TENANTS = 3;
    private static final int CHECKS = 300;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Rest admin = context.admin();
        BenchReport report = context.report();
        String realm = TestRealms.uniqueName("partner-bench");
        String base = "/admin/realms/" + realm;

        long t0 = System.nanoTime();
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", realm);
        rep.put("enabled", true);
        rep.put("organizationsEnabled", true);
        rep.put("groups", List.of(Map.of("name", "partner-staff")));
        // partner access stays off while the staff is imported, so the 2,000 auto-add tenants start without the
        // existing staff as members (20M membership rows would not fit this machine's in-memory database);
        // what is measured is unaffected: see docs/partner-access.md
        rep.put("attributes", Map.of("portalaccess.partner.enabled", "false"));
        admin.post("/admin/realms", rep).expect(201);
        for (int from = 0; from < STAFF; from += 500) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (int i = from; i < Math.min(STAFF, from + 500); i++) {
                users.add(Map.of("username", "staff" + i, "email", "staff" + i + "@partner.example", "enabled", true,
                        "groups", List.of("/partner-staff")));
            }
            admin.post(base + "/partialImport", Map.of("ifResourceExists", "SKIP", "users", users)).expect(200);
        }
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            organizations.add(tenant("auto" + i, true));
        }
        for (int i = 0; i < SWITCH_TENANTS; i++) {
            organizations.add(tenant("switch" + i, false));
        }
        organizations.add(tenant("plain", false));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (Map<String, Object> organization : organizations) {
                created.add(pool.submit(() -> admin.post(base + "/organizations", organization).expect(201)));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        admin.put(base, Map.of("attributes", Map.of("portalaccess.partner.enabled", "true"))).expect(204);
        report.figure(NAME, "setup: " + STAFF + " partner users, " + TENANTS + " auto-add tenants", (System.nanoTime() - t0) / 1e9, "s");
        String staffGroup = admin.get(base + "/groups?search=partner-staff&exact=true").expect(200).list().get(0).get("id").asText();

        // 1. switch auto-add on: every partner user gains access to the tenant
        long[] switches = new long[SWITCH_TENANTS];
        for (int i = 0; i < SWITCH_TENANTS; i++) {
            String tenant = orgId(admin, base, "switch" + i);
            long start = System.nanoTime();
            int added = admin.put(base + "/partner-access/tenants/" + tenant + "/auto-add", Map.of("enabled", true))
                    .expect(200).json().get("added").asInt();
            switches[i] = System.nanoTime() - start;
            if (added != STAFF) {
                throw new IllegalStateException("switch added " + added + " of " + STAFF);
            }
        }
        report.latency(NAME, "switch auto-add on (" + STAFF + " users gain access)", switches);

        // 2. add a partner user while TENANTS tenants have auto-add on (Keycloak's own group API)
        String firstAuto = orgId(admin, base, "auto0");
        String lastAuto = orgId(admin, base, "auto" + (TENANTS - 1));
        long firstCount = memberCount(admin, base, firstAuto); // cached by Keycloak before the adds
        long lastCount = memberCount(admin, base, lastAuto);
        long[] adds = new long[5];
        List<String> newcomers = new ArrayList<>();
        for (int i = 0; i < adds.length; i++) {
            String user = TestRealms.createUser(admin, realm, "newcomer" + i, "newcomer" + i + "@partner.example", null);
            long start = System.nanoTime();
            admin.put(base + "/users/" + user + "/groups/" + staffGroup, Map.of()).expect(204);
            adds[i] = System.nanoTime() - start;
            newcomers.add(user);
        }
        report.latency(NAME, "add partner user (" + (TENANTS + SWITCH_TENANTS) + " auto-add tenants)", adds);
        // Keycloak's own view on the next request: the (cached) member counts of the first and the last auto-add
        // tenant include the newcomers
        expect(memberCount(admin, base, firstAuto), firstCount + adds.length, "members/count of auto0");
        expect(memberCount(admin, base, lastAuto), lastCount + adds.length, "members/count of the last auto-add tenant");
        // and Keycloak's first read of a newcomer (a member of every tenant) after the write: a cold user entry,
        // which Keycloak loads with a check of each of the user's organizations (Keycloak's cost, not this
        // extension's; it would follow Keycloak's own member add just the same)
        report.figure(NAME, "Keycloak's first member GET of a newcomer in " + (TENANTS + SWITCH_TENANTS)
                + " tenants (cold user entry)", slowGet(context, base + "/organizations/" + firstAuto + "/members/" + newcomers.get(1)), "s");
        slowGet(context, base + "/organizations/" + firstAuto + "/members/" + newcomers.get(0)); // warm for the checks below

        // 3. one user's access to one tenant: this API vs Keycloak's plain membership check
        String tenant = orgId(admin, base, "auto7");
        String heavy = newcomers.get(0); // member of every auto-add tenant
        String plainTenant = orgId(admin, base, "plain");
        String light = TestRealms.createUser(admin, realm, "light", "light@partner.example", null);
        admin.post(base + "/organizations/" + plainTenant + "/members", "application/json", "\"" + light + "\"").expect(201);
        compare(admin, report, base, tenant, heavy, "user in " + (TENANTS + SWITCH_TENANTS) + " tenants");
        compare(admin, report, base, plainTenant, light, "user in 1 tenant");

        // reference: Keycloak's one-by-one membership add (admin REST), which the bulk switch replaces
        int sample = 200;
        long start = System.nanoTime();
        for (int i = 0; i < sample; i++) {
            String user = TestRealms.createUser(admin, realm, "single" + i, null, null);
            admin.post(base + "/organizations/" + plainTenant + "/members", "application/json", "\"" + user + "\"").expect(201);
        }
        double perAdd = (System.nanoTime() - start) / 1e6 / sample;
        report.figure(NAME, "reference: Keycloak add one member (create user + POST member), per member", perAdd, "ms");
        report.figure(NAME, "reference: extrapolated one-by-one for " + STAFF + " users", perAdd * STAFF / 1000, "s");

        admin.delete(base).expect(204);
        LOG.infof("partner benchmark done (realm %s removed)", realm);
    }

    private static void compare(Rest admin, BenchReport report, String base, String tenant, String user, String label) {
        String ours = base + "/partner-access/tenants/" + tenant + "/users/" + user;
        String plain = base + "/organizations/" + tenant + "/members/" + user;
        for (int i = 0; i < 30; i++) { // warm-up
            admin.get(ours).expect(200);
            admin.get(plain).expect(200);
        }
        long[] oursNanos = new long[CHECKS];
        long[] plainNanos = new long[CHECKS];
        for (int i = 0; i < CHECKS; i++) {
            long s = System.nanoTime();
            boolean access = admin.get(ours).expect(200).json().get("access").asBoolean();
            oursNanos[i] = System.nanoTime() - s;
            if (!access) {
                throw new IllegalStateException("expected access for " + user);
            }
            s = System.nanoTime();
            admin.get(plain).expect(200);
            plainNanos[i] = System.nanoTime() - s;
        }
        report.latency(NAME, "access check, partner-access API, " + label, oursNanos);
        report.latency(NAME, "access check, plain Keycloak membership GET, " + label, plainNanos);
        report.figure(NAME, "access check ratio partner/plain (median), " + label, median(oursNanos) / median(plainNanos), "x");
    }

    /** A GET that may take minutes (the harness client gives up after 2); returns its seconds. */
    private static double slowGet(BenchContext context, String path) throws Exception {
        String token = Rest.anonymous(context.server()).passwordGrant("master", "admin-cli", null,
                dev.portalaccess.keycloak.testsupport.KeycloakServer.ADMIN_USER,
                dev.portalaccess.keycloak.testsupport.KeycloakServer.ADMIN_PASSWORD).expect(200).json().get("access_token").asText();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(context.server().baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(java.time.Duration.ofMinutes(15)).GET().build();
        long start = System.nanoTime();
        int status = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 200) {
            throw new IllegalStateException("GET " + path + " answered " + status);
        }
        return seconds;
    }

    private static long memberCount(Rest admin, String base, String tenant) {
        return admin.get(base + "/organizations/" + tenant + "/members/count").expect(200).json().asLong();
    }

    private static void expect(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Map<String, Object> tenant(String alias, boolean autoAdd) {
        return Map.of("name", alias, "alias", alias, "enabled", true,
                "domains", List.of(Map.of("name", alias + ".customer.example")),
                "attributes", Map.of("portalaccess.partner.autoAdd", List.of(Boolean.toString(autoAdd))));
    }

    private static String orgId(Rest admin, String base, String alias) {
        return admin.get(base + "/organizations?search=" + alias + "&exact=true").expect(200).list().get(0).get("id").asText();
    }
}
