package dev.portalaccess.keycloak.bench.denylist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.bench.BenchContext;
import dev.portalaccess.keycloak.bench.BenchReport;
import dev.portalaccess.keycloak.bench.Benchmark;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jboss.logging.Logger;

/**
 * The denylist at scale, against the real server: import time for 100,000 entries, a 1,000,000-entry
 * list loaded through the REST bulk import, the check's latency (measured by the server around the
 * store lookup, and as a REST round trip), the server JVM's heap before/after, and registration
 * throughput in a realm with the 1,000,000-entry list next to the same kind of realm with an empty one.
 */
@AutoService(Benchmark.class)
public final class DenylistBenchmark implements Benchmark {

    private static final Logger LOG = Logger.getLogger(DenylistBenchmark.class);
    private static final String NAME = "denylist";
    private static final int ENTRIES = 1_000_000;
    private static final int CHUNK = 100_000;
    private static final int CHECKS = 3_000;
    private static final int REGISTRATION_ROUNDS = 8;
    private static final int REGISTRATIONS_PER_ROUND = 10;
    private static final String PASSWORD = "Bench-Passw0rd!";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Rest admin = context.admin();
        BenchReport report = context.report();
        KeycloakServer server = context.server();

        String big = realm(admin, "bench-dl-1m");
        String empty = realm(admin, "bench-dl-empty");
        Optional<Long> heapBefore = heapUsedBytes(server);

        Optional<ProcessHandle> serverJvm = serverJvm(server);
        for (int chunk = 0; chunk < ENTRIES / CHUNK; chunk++) {
            String body = entries(chunk * CHUNK, CHUNK);
            double cpuBefore = cpuSeconds(serverJvm);
            long start = System.nanoTime();
            JsonNode result = admin.post("/admin/realms/" + big + "/denylist/import", "text/plain", body).expect(200).json();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = cpuSeconds(serverJvm) - cpuBefore;
            LOG.infof("chunk %d: %s in %.2f s (server CPU %.2f s)", chunk, result, seconds, cpu);
            if (chunk == 0 || chunk == ENTRIES / CHUNK - 1) {
                String stored = chunk == 0 ? "empty list" : "900,000 stored";
                report.figure(NAME, "bulk import of 100,000 entries, wall time (one REST call, " + stored + ")", seconds, "s");
                if (serverJvm.isPresent()) {
                    report.figure(NAME, "bulk import of 100,000 entries, server CPU time (" + stored + ")", cpu, "s");
                }
            }
        }
        long count = admin.get("/admin/realms/" + big + "/denylist/count").expect(200).json().path("count").asLong();
        report.figure(NAME, "entries stored", count, "entries");

        Optional<Long> heapAfter = heapUsedBytes(server);
        if (heapBefore.isPresent() && heapAfter.isPresent()) {
            report.figure(NAME, "server heap used after GC, before the list", heapBefore.get() / 1048576.0, "MiB");
            report.figure(NAME, "server heap used after GC, with 1,000,000 entries (dev-mem H2 holds the table in this heap)",
                    heapAfter.get() / 1048576.0, "MiB");
        }

        checkLatency(admin, report, big);
        registrationThroughput(server, admin, report, big, empty);
    }

    private static void checkLatency(Rest admin, BenchReport report, String realm) {
        Random random = new Random(42);
        String base = "/admin/realms/" + realm + "/denylist/check?email=";
        for (int i = 0; i < 500; i++) {
            admin.get(base + probe(random)).expect(200);
        }
        long[] server = new long[CHECKS];
        long[] roundTrip = new long[CHECKS];
        int denied = 0;
        for (int i = 0; i < CHECKS; i++) {
            long start = System.nanoTime();
            JsonNode result = admin.get(base + probe(random)).expect(200).json();
            roundTrip[i] = System.nanoTime() - start;
            server[i] = result.path("checkNanos").asLong();
            denied += result.path("denied").asBoolean() ? 1 : 0;
        }
        report.latency(NAME, "check, 1,000,000 entries, server-side store lookup", server);
        report.latency(NAME, "check, 1,000,000 entries, REST round trip (admin check endpoint)", roundTrip);
        report.figure(NAME, "share of probes denied", 100.0 * denied / CHECKS, "%");
    }

    /** Half the probes hit (a domain, a subdomain of a SUBDOMAINS entry, an address), half miss. */
    private static String probe(Random random) {
        int k = random.nextInt(ENTRIES / 3) * 3;
        return switch (random.nextInt(6)) {
            case 0 -> "x@mail.blocked-" + k + ".example";
            case 1 -> "x@a.sub-" + (k + 1) + ".example";
            case 2 -> "user" + (k + 2) + "@mx" + ((k + 2) % 5000) + ".example";
            default -> "someone" + k + "@allowed-" + k + ".example";
        };
    }

    private static void registrationThroughput(KeycloakServer server, Rest admin, BenchReport report, String big, String empty)
            throws Exception {
        // warm up both realms' pages and password hashing
        registerMany(server, big, "warm-big", 5);
        registerMany(server, empty, "warm-empty", 5);
        long bigNanos = 0;
        long emptyNanos = 0;
        int each = 0;
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        // interleaved rounds in ABBA order, so drift on a shared machine and going first hit both sides alike
        for (int round = 0; round < REGISTRATION_ROUNDS; round++) {
            long b;
            long e;
            if (round % 2 == 0) {
                b = registerMany(server, big, "big" + round, REGISTRATIONS_PER_ROUND);
                e = registerMany(server, empty, "empty" + round, REGISTRATIONS_PER_ROUND);
            } else {
                e = registerMany(server, empty, "empty" + round, REGISTRATIONS_PER_ROUND);
                b = registerMany(server, big, "big" + round, REGISTRATIONS_PER_ROUND);
            }
            bigNanos += b;
            emptyNanos += e;
            each += REGISTRATIONS_PER_ROUND;
            double ratio = 100.0 * e / b;
            lowest = Math.min(lowest, ratio);
            highest = Math.max(highest, ratio);
        }
        double bigRate = each / (bigNanos / 1e9);
        double emptyRate = each / (emptyNanos / 1e9);
        report.figure(NAME, "registrations/s, realm with 1,000,000 entries (sequential, browser form)", bigRate, "1/s");
        report.figure(NAME, "registrations/s, same realm kind with an empty list", emptyRate, "1/s");
        report.figure(NAME, "registration throughput, 1M list relative to empty list", 100.0 * bigRate / emptyRate, "%");
        report.figure(NAME, "registration throughput ratio, lowest single round", lowest, "%");
        report.figure(NAME, "registration throughput ratio, highest single round", highest, "%");
        int users = admin.get("/admin/realms/" + big + "/users/count").expect(200).json().asInt();
        LOG.infof("%s has %d users after the run", big, users);
    }

    /** Registers {@code n} users through the registration form; returns the elapsed nanoseconds. */
    private static long registerMany(KeycloakServer server, String realm, String prefix, int n) throws Exception {
        long total = 0;
        for (int i = 0; i < n; i++) {
            try (Browser browser = new Browser()) {
                String username = prefix + "-" + i;
                long start = System.nanoTime();
                HtmlPage page = browser.open(registrationUrl(server, realm));
                HtmlForm form = page.getHtmlElementById("kc-register-form");
                form.getInputByName("username").setValue(username);
                form.getInputByName("email").setValue(username + "@allowed-" + i + ".example");
                form.getInputByName("firstName").setValue("Bench");
                form.getInputByName("lastName").setValue(username);
                form.getInputByName("password").setValue(PASSWORD);
                form.getInputByName("password-confirm").setValue(PASSWORD);
                List<HtmlElement> submit = form.getElementsByAttribute("input", "type", "submit");
                HtmlPage after = ((HtmlElement) (submit.isEmpty() ? form.getElementsByTagName("button").get(0) : submit.get(0))).click();
                total += System.nanoTime() - start;
                if (after.getElementById("kc-register-form") != null) {
                    throw new IllegalStateException("registration of " + username + " failed: " + after.asNormalizedText());
                }
            }
        }
        return total;
    }

    private static String registrationUrl(KeycloakServer server, String realm) {
        String redirect = server.baseUrl() + "/realms/" + realm + "/account/";
        return server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/registrations?client_id=account"
                + "&response_type=code&scope=openid&redirect_uri=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8);
    }

    /**
     * Entries {@code from .. from+n}: per index one of a domain, a SUBDOMAINS entry or an address, so the
     * list mixes the three kinds.
     */
    static String entries(int from, int n) {
        StringBuilder out = new StringBuilder(n * 28);
        for (int i = from; i < from + n; i++) {
            switch (i % 3) {
                case 0 -> out.append("blocked-").append(i).append(".example\n");
                case 1 -> out.append("*.sub-").append(i).append(".example\n");
                default -> out.append("user").append(i).append("@mx").append(i % 5000).append(".example\n");
            }
        }
        return out.toString();
    }

    /** Two realms of the same kind: self-registration on, the denylist validator on the email attribute. */
    private static String realm(Rest admin, String prefix) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("registrationAllowed", true);
        String realm = TestRealms.create(admin, rep);
        JsonNode profile = admin.get("/admin/realms/" + realm + "/users/profile").expect(200).json();
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) attribute.path("validations")).putObject("portal-access-email-denylist");
            }
        }
        admin.put("/admin/realms/" + realm + "/users/profile", profile).expect(200);
        return realm;
    }

    /** The server's JVM (not kc.sh, not this benchmark's JVM). */
    private static Optional<ProcessHandle> serverJvm(KeycloakServer server) {
        String home = server.home().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("-Dkc.home.dir=")).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst();
    }

    /**
     * CPU time the server JVM has used so far: on a shared, loaded machine wall time says more about
     * the neighbours than about the import.
     */
    private static double cpuSeconds(Optional<ProcessHandle> jvm) {
        return jvm.flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** Heap used by the server JVM after a full GC, read with {@code jcmd} (the JDK's own tool). */
    private static Optional<Long> heapUsedBytes(KeycloakServer server) {
        Optional<ProcessHandle> java = serverJvm(server);
        if (java.isEmpty()) {
            LOG.warn("Could not find the server's JVM process; heap not measured");
            return Optional.empty();
        }
        long pid = java.get().pid();
        try {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
            if (used.find()) {
                return Optional.of(Long.parseLong(used.group(1)) * 1024);
            }
            LOG.warnf("Unexpected GC.heap_info output: %s", info);
        } catch (IOException e) {
            LOG.warnf("jcmd failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String javaHome = System.getProperty("java.home");
        Process process = new ProcessBuilder(javaHome + "/bin/jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
