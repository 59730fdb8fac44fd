package dev.portalaccess.keycloak.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.bench.BenchContext;
import dev.portalaccess.keycloak.bench.BenchReport;
import dev.portalaccess.keycloak.bench.Benchmark;
import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.PostgresInstance;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.jboss.logging.Logger;

/**
 * Start time of a node with 10,000 customers (customer roles on), side by side with plain Keycloak on the
 * same database: the start-up role provisioning must cost nothing when nothing needs provisioning.
 *
 * <p>A PostgreSQL instance of its own ({@link PostgresInstance}); two builds of the same distribution for
 * it, one with the Portal Access JARs and one without (plain Keycloak). The Portal Access node creates the
 * schema and imports {@code bench.startup.importedRealms} realms of 100 customers (roles on; default 4), each
 * customer with its three role groups, an Administrator and a User (the shape the extension leaves behind;
 * {@code bench.startup.importThreads} imports at a time, default 1: parallel imports over one HTTP/2
 * connection drew a GOAWAY here). With the node stopped, SQL copies of those customers in the same realms
 * make up {@code bench.startup.customers} (a 10,000-organization import does not fit Keycloak's transaction
 * timeout); one untimed start checks Keycloak's view of the copies. Then the two builds are restarted in turn
 * (A B A B ...), {@code bench.startup.rounds} times each, on the same data. Measured: process start to
 * {@code /health/ready} (wall), and whether the start-up provisioning logged any work.
 */
@AutoService(Benchmark.class)
public final class StartupBenchmark implements Benchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class);
    private static final String NAME = "startup";

    private static final int CUSTOMERS = Integer.getInteger("bench.startup.customers", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 4);
    private static final int PER_REALM = 100;
    private static final int IMPORT_THREADS = Integer.getInteger("bench.startup.importThreads", 1);
    /** Realms of {@value #PER_REALM} imported through Keycloak's admin REST; the rest of the customers are SQL copies. */
    private static final int IMPORTED_REALMS = Integer.getInteger("bench.startup.importedRealms", 4);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        BenchReport report = context.report();
        Path folder = Files.createTempDirectory("portalaccess-bench-startup-");
        KeycloakServer portalAccess = null;
        KeycloakServer keycloak = null;
        try (PostgresInstance postgres = PostgresInstance.start()) {
            Path source = context.server().home();
            Path withProviders = folder.resolve("portal-access");
            Path plain = folder.resolve("plain");
            KeycloakCluster.copyDistribution(source, withProviders);
            KeycloakCluster.copyDistribution(source, plain);
            try (Stream<Path> jars = Files.list(plain.resolve("providers"))) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("portal-access-")).toList()) {
                    Files.delete(jar);
                }
            }
            List<String> build = List.of("--db=postgres", "--health-enabled=true", "--cache=local");
            KeycloakCluster.build(withProviders, build);
            KeycloakCluster.build(plain, build);
            List<String> start = List.of("start", "--optimized", "--http-enabled=true", "--hostname-strict=false",
                    "--db-url=" + postgres.jdbcUrl(), "--db-username=" + PostgresInstance.USER,
                    "--db-password=" + PostgresInstance.PASSWORD, "--log-level=INFO,dev.portalaccess:debug");
            portalAccess = KeycloakServer.of(withProviders, start);
            keycloak = KeycloakServer.of(plain, start);

            portalAccess.start();
            long t0 = System.nanoTime();
            int realms = Math.min(IMPORTED_REALMS, (CUSTOMERS + PER_REALM - 1) / PER_REALM);
            int copies = (CUSTOMERS + realms * PER_REALM - 1) / (realms * PER_REALM);
            importCustomers(Rest.admin(portalAccess).withTimeout(java.time.Duration.ofMinutes(60)), realms);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            LOG.infof("Imported %d customers in %d realm(s) in %.1f s", realms * PER_REALM, realms, importSeconds);
            portalAccess.stop();
            double cloneSeconds = 0;
            if (copies > 1) {
                long c0 = System.nanoTime();
                for (int realm = 0; realm < realms; realm++) {
                    postgres.psql(cloneScript(realmName(realm), copies));
                }
                cloneSeconds = (System.nanoTime() - c0) / 1e9;
                LOG.infof("Cloned the imported customers %d times in SQL in %.1f s", copies - 1, cloneSeconds);
            }
            int customers = realms * PER_REALM * copies;
            // one start, not timed: the data as Keycloak reads it (counts, members, roles), and nothing to provision
            portalAccess.start();
            verify(Rest.admin(portalAccess), realms, PER_REALM * copies);
            String firstStart = provisioningLines(portalAccess.logFile());
            LOG.infof("First start on the full data: %s", firstStart);
            portalAccess.stop();

            List<Double> withTimes = new ArrayList<>();
            List<Double> plainTimes = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                withTimes.add(timeStart(portalAccess));
                plainTimes.add(timeStart(keycloak));
                LOG.infof("Round %d: Portal Access %.1f s, plain Keycloak %.1f s", round, withTimes.get(round), plainTimes.get(round));
            }
            String provisioning = provisioningLines(portalAccess.logFile());
            double with = median(withTimes);
            double without = median(plainTimes);
            LOG.infof("Start to ready: Portal Access %s s, plain Keycloak %s s; provisioning on the last start: %s",
                    format(withTimes), format(plainTimes), provisioning);
            report.figure(NAME, "customers (roles on; 3 role groups, an Administrator and a User each) in " + realms + " realm(s)", customers, "");
            report.figure(NAME, "realm import of " + realms * PER_REALM + " customers (admin REST, " + IMPORT_THREADS + " at a time)", importSeconds, "s");
            report.figure(NAME, "SQL copies of them (" + (copies - 1) + " each), node stopped", cloneSeconds, "s");
            report.figure(NAME, "first start on the full data (untimed): " + firstStart, 0, "");
            report.figure(NAME, "start to ready, Portal Access, median of " + ROUNDS, with, "s");
            report.figure(NAME, "start to ready, plain Keycloak, median of " + ROUNDS, without, "s");
            report.figure(NAME, "Portal Access / plain Keycloak (" + provisioning + ")", with / without, "x");
        } finally {
            for (KeycloakServer server : new KeycloakServer[] {portalAccess, keycloak}) {
                if (server != null) {
                    server.stop();
                }
            }
            keepLogs(folder);
            deleteTree(folder);
        }
    }

    /** The two servers' logs, kept next to the benchmark's build output for reading after the run. */
    private static void keepLogs(Path folder) throws IOException {
        Path target = Path.of(System.getProperty("bench.logs", "target/bench-logs"));
        Files.createDirectories(target);
        for (String name : List.of("portal-access", "plain")) {
            Path log = folder.resolve(name).resolve("keycloak-test.log");
            if (Files.exists(log)) {
                Files.copy(log, target.resolve("startup-" + name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static double timeStart(KeycloakServer server) {
        long t0 = System.nanoTime();
        server.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        server.stop();
        return seconds;
    }

    /**
     * Realm imports of at most {@value #PER_REALM} customers each (one import is one transaction: larger ones
     * run into the transaction timeout on a busy machine), with the customers' role groups and members as the
     * extension leaves them.
     */
    private static String realmName(int index) {
        return "startup-bench-" + index;
    }

    /**
     * Copies the customers imported into realm {@code realm} {@code copies - 1} times inside the same realm, in
     * Keycloak's tables as its import wrote them (organization, its domain, internal and role groups with their
     * attributes, members and memberships; ids derived from the originals), so 10,000 customers need no
     * 10,000-organization import (Keycloak's import is one transaction per realm and slows down with its size:
     * 500 organizations ran into the 300 s transaction timeout on this machine). Run while no node runs: no
     * cache holds any of it.
     */
    private static String cloneScript(String realm, int copies) {
        return String.join("\n",
                "create temp table tpl_org as select o.* from org o join realm r on r.id = o.realm_id",
                "  where r.name = '" + realm + "' and o.alias ~ '^customer[0-9]+$';",
                "create temp table tpl_group as select * from keycloak_group where org_id in (select id from tpl_org);",
                "create temp table tpl_user as select distinct u.* from user_entity u join user_group_membership m on m.user_id = u.id",
                "  where m.group_id in (select id from tpl_group);",
                "create temp table copies as select generate_series(1, " + (copies - 1) + ") as k;",
                "create function pg_temp.m(id text, k int) returns text as $$ select md5(id || ':' || k)::uuid::text $$ language sql immutable;",
                "insert into org (id, enabled, realm_id, group_id, name, description, alias, redirect_url)",
                "  select pg_temp.m(o.id, c.k), o.enabled, o.realm_id, pg_temp.m(o.group_id, c.k), o.name || '-c' || c.k, o.description,",
                "         o.alias || '-c' || c.k, o.redirect_url from tpl_org o, copies c;",
                "insert into org_domain (id, name, verified, org_id)",
                "  select pg_temp.m(d.id, c.k), 'c' || c.k || '.' || d.name, d.verified, pg_temp.m(d.org_id, c.k)",
                "  from org_domain d join tpl_org o on o.id = d.org_id, copies c;",
                "insert into keycloak_group (id, name, parent_group, realm_id, type, description, org_id, created_timestamp, last_modified_timestamp)",
                "  select pg_temp.m(g.id, c.k), case when g.name = g.org_id then pg_temp.m(g.name, c.k) else g.name end,",
                "         case when g.parent_group in (select id from tpl_group) then pg_temp.m(g.parent_group, c.k) else g.parent_group end,",
                "         g.realm_id, g.type, g.description, pg_temp.m(g.org_id, c.k), g.created_timestamp, g.last_modified_timestamp",
                "  from tpl_group g, copies c;",
                "insert into group_attribute (id, name, value, group_id)",
                "  select pg_temp.m(a.id, c.k), a.name, a.value, pg_temp.m(a.group_id, c.k) from group_attribute a join tpl_group g on g.id = a.group_id, copies c;",
                "insert into user_entity (id, email, email_constraint, email_verified, enabled, federation_link, first_name, last_name, realm_id,",
                "         username, created_timestamp, service_account_client_link, not_before, last_modified_timestamp)",
                "  select pg_temp.m(u.id, c.k), replace(u.email, '@', '@c' || c.k || '.'),",
                "         case when u.email_constraint = u.email then replace(u.email, '@', '@c' || c.k || '.') else pg_temp.m(u.email_constraint, c.k) end,",
                "         u.email_verified, u.enabled, u.federation_link, u.first_name, u.last_name, u.realm_id, u.username || '-c' || c.k,",
                "         u.created_timestamp, u.service_account_client_link, u.not_before, u.last_modified_timestamp from tpl_user u, copies c;",
                "insert into user_attribute (name, value, user_id, id, long_value_hash, long_value_hash_lower_case, long_value)",
                "  select a.name, a.value, pg_temp.m(a.user_id, c.k), pg_temp.m(a.id, c.k), a.long_value_hash, a.long_value_hash_lower_case, a.long_value",
                "  from user_attribute a join tpl_user u on u.id = a.user_id, copies c;",
                "insert into user_role_mapping (role_id, user_id)",
                "  select r.role_id, pg_temp.m(r.user_id, c.k) from user_role_mapping r join tpl_user u on u.id = r.user_id, copies c;",
                "insert into user_group_membership (group_id, user_id, membership_type)",
                "  select pg_temp.m(m.group_id, c.k), pg_temp.m(m.user_id, c.k), m.membership_type",
                "  from user_group_membership m join tpl_group g on g.id = m.group_id, copies c;",
                "analyze;",
                "");
    }

    /** Keycloak's view of the data: every realm has its customers, a copied one its two members with their roles. */
    private static void verify(Rest admin, int realms, int perRealm) {
        for (int realm = 0; realm < realms; realm++) {
            String base = "/admin/realms/" + realmName(realm);
            long count = Long.parseLong(admin.get(base + "/organizations/count").expect(200).body().trim());
            if (count != perRealm) {
                throw new IllegalStateException(realmName(realm) + " has " + count + " customers, expected " + perRealm);
            }
            String alias = perRealm > PER_REALM ? "customer" + (realm * PER_REALM) + "-c" + (perRealm / PER_REALM - 1) : "customer" + (realm * PER_REALM);
            var found = admin.get(base + "/organizations?search=" + alias + "&exact=true").expect(200).list();
            if (found.size() != 1) {
                throw new IllegalStateException("No customer " + alias + " in " + realmName(realm));
            }
            String id = found.get(0).path("id").asText();
            long members = Long.parseLong(admin.get(base + "/organizations/" + id + "/members/count").expect(200).body().trim());
            List<String> roles = new ArrayList<>();
            for (var group : admin.get(base + "/organizations/" + id + "/groups").expect(200).list()) {
                long inGroup = admin.get(base + "/organizations/" + id + "/groups/" + group.path("id").asText() + "/members").expect(200).list().size();
                roles.add(group.path("name").asText() + "=" + inGroup);
            }
            roles.sort(null);
            if (members != 2 || !roles.equals(List.of("Administrator=1", "User=1", "Viewer=0"))) {
                throw new IllegalStateException("Customer " + alias + " of " + realmName(realm) + ": " + members + " members, roles " + roles);
            }
        }
        LOG.infof("Verified: %d realm(s) of %d customers, a copied customer with its Administrator and User", realms, perRealm);
    }

    private static void importCustomers(Rest admin, int realms) throws InterruptedException {
        // the imports are independent (a realm each): IMPORT_THREADS at a time, so 10,000 customers fit in a run
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(IMPORT_THREADS);
        try {
            List<java.util.concurrent.Future<?>> imports = new ArrayList<>();
            for (int realmIndex = 0; realmIndex < realms; realmIndex++) {
                String name = realmName(realmIndex);
                int first = realmIndex * PER_REALM;
                int end = Math.min(CUSTOMERS, first + PER_REALM);
                imports.add(pool.submit(() -> importRealm(admin, name, first, end)));
            }
            for (java.util.concurrent.Future<?> done : imports) {
                try {
                    done.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A realm import failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void importRealm(Rest admin, String name, int from, int to) {
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String alias = "customer" + i;
            List<Map<String, Object>> groups = new ArrayList<>();
            Map<String, String> ids = new HashMap<>();
            for (String role : List.of("Administrator", "User", "Viewer")) {
                String id = UUID.randomUUID().toString();
                ids.put(role, id);
                groups.add(Map.of("id", id, "name", role, "path", "/" + role, "subGroups", List.of(),
                        "attributes", Map.of("portalaccess.role", List.of(role))));
            }
            List<Map<String, Object>> members = new ArrayList<>();
            for (String role : List.of("Administrator", "User")) {
                String username = alias + "-" + role.toLowerCase();
                users.add(Map.of("username", username, "email", username + "@" + alias + ".example", "enabled", true,
                        "firstName", "Bench", "lastName", username));
                members.add(Map.of("username", username, "membershipType", "UNMANAGED", "groups", List.of(ids.get(role))));
            }
            organizations.add(Map.of("name", alias, "alias", alias, "enabled", true,
                    "domains", List.of(Map.of("name", alias + ".example")), "groups", groups, "members", members));
        }
        Map<String, Object> realm = new HashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("organizationsEnabled", true);
        realm.put("attributes", Map.of("portalaccess.roles.enabled", "true"));
        realm.put("users", users);
        realm.put("organizations", organizations);
        admin.post("/admin/realms", realm).expect(201);
        LOG.infof("Realm %s: %s organizations", name, admin.get("/admin/realms/" + name + "/organizations/count").expect(200).body());
    }

    /** The provisioning's log lines (debug) of the last start, or what it logged about customers. */
    private static String provisioningLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int lastStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Keycloak 26") && lines.get(i).contains("started in")) {
                lastStart = i;
            }
        }
        long provisioned = lines.subList(lastStart, lines.size()).stream().filter(l -> l.contains("Provisioned customer roles")
                || l.contains("Created role group") || l.contains("no Administrator")).count();
        return provisioned == 0 ? "nothing provisioned" : provisioned + " provisioning line(s)";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
