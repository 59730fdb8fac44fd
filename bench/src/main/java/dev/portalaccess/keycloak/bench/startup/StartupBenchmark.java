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
 * schema and imports {@code bench.startup.customers} customers (realms of 100, roles on), each with its three
 * role groups, an Administrator and a User (the shape the extension leaves behind), then the two builds are
 * restarted in turn (A B A B ...), {@code bench.startup.rounds} times each, on the same data. Measured: process
 * start to {@code /health/ready} (wall), and whether the start-up provisioning logged any work.
 */
@AutoService(Benchmark.class)
public final class StartupBenchmark implements Benchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class);
    private static final String NAME = "startup";

    private static final int CUSTOMERS = Integer.getInteger("bench.startup.customers", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 4);
    private static final int PER_REALM = 100;

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
            importCustomers(Rest.admin(portalAccess).withTimeout(java.time.Duration.ofMinutes(60)));
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            LOG.infof("Imported %d customers in %.1f s", CUSTOMERS, importSeconds);
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
            report.figure(NAME, "customers (roles on; 3 role groups, an Administrator and a User each)", CUSTOMERS, "");
            report.figure(NAME, "realm import of the customers", importSeconds, "s");
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
    private static void importCustomers(Rest admin) {
        for (int from = 0, realmIndex = 0; from < CUSTOMERS; from += PER_REALM, realmIndex++) {
            importRealm(admin, "startup-bench-" + realmIndex, from, Math.min(CUSTOMERS, from + PER_REALM));
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
