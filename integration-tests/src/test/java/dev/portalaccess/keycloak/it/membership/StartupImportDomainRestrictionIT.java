package dev.portalaccess.keycloak.it.membership;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * Realm import without an HTTP request: {@code kc.sh import --file} and {@code kc.sh start-dev --import-realm}
 * with a realm file whose restricted customer has a member outside its allowed domains. Each runs in its own
 * short-lived Keycloak, a copy of the test server's distribution (same providers, same build, so no
 * re-augmentation); both must stop with the refusal's reason instead of importing the member. A valid
 * import at server start is what the shared test server does with the realm exports (the enterprise-portal
 * export's restricted Acme has a member: {@code EnterprisePortalRealmIT}).
 */
@KeycloakIntegrationTest
class StartupImportDomainRestrictionIT {

    private static final String REASON = "domainNotAllowed: Email address 'mallory@evil.example' is outside the allowed"
            + " domains of organization 'Acme'.";

    @Test
    void kcShImportAndImportRealmAtStartRefuseAMemberOutsideTheAllowedDomains(KeycloakServer server) throws Exception {
        String realm = TestRealms.uniqueName("startup-import");
        String export = Rest.JSON.writeValueAsString(RealmImportDomainRestrictionIT.realmExport(realm,
                List.of(RealmImportDomainRestrictionIT.user("alice", "alice@acme.com"),
                        RealmImportDomainRestrictionIT.user("mallory", "mallory@evil.example")),
                List.of("alice", "mallory"), "UNMANAGED"));

        // both at once: the two servers are independent copies
        CompletableFuture<Outcome> kcShImport = CompletableFuture.supplyAsync(() -> {
            Path home = copyDistribution(server.home(), "kcsh-import");
            Path file = write(home.resolve(realm + "-realm.json"), export);
            return run(home, List.of("--profile=dev", "import", "--file=" + file));
        });
        CompletableFuture<Outcome> importRealm = CompletableFuture.supplyAsync(() -> {
            Path home = copyDistribution(server.home(), "import-realm");
            write(home.resolve("data/import/" + realm + "-realm.json"), export);
            return run(home, List.of("start-dev", "--import-realm"));
        });

        for (Outcome outcome : List.of(kcShImport.get(), importRealm.get())) {
            assertTrue(!outcome.started(), outcome.command() + " started a server with the refused member imported. Log:\n"
                    + outcome.logTail());
            assertTrue(outcome.exitCode() != 0, outcome.command() + " ended with 0. Log:\n" + outcome.logTail());
            assertTrue(outcome.log().contains(REASON), outcome.command() + " does not give the reason. Log:\n" + outcome.logTail());
        }
    }

    /** How one short-lived server ended: exit code, whether it became ready, its log. */
    record Outcome(String command, int exitCode, boolean started, String log) {
        String logTail() {
            String[] lines = log.split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
        }
    }

    /**
     * Runs {@code kc.sh args} in {@code home} with the test server's build options until it exits; a server
     * that becomes ready instead is stopped and reported as started.
     */
    private static Outcome run(Path home, List<String> args) {
        int httpPort = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(args);
        command.addAll(List.of("--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--db=dev-mem", "--cache=local"));
        Path log = home.resolve("kc.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean started = false;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        try {
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        started = true;
                        break;
                    }
                } catch (IOException notListening) {
                    // not up (yet)
                }
                process.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        String text;
        try {
            text = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(no log: " + e.getMessage() + ")";
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        deleteQuietly(home, log);
        return new Outcome(String.join(" ", args), exit, started, text);
    }

    /** A copy of the distribution without its data and log, next to it under target/. */
    private static Path copyDistribution(Path source, String name) {
        Path target = source.resolveSibling(source.getFileName() + "-" + name + "-" + System.nanoTime());
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                if (relative.startsWith("data") || relative.toString().endsWith(".log")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the copy but keeps its log next to it (target/), for a look after a failure. */
    private static void deleteQuietly(Path home, Path log) {
        try {
            Files.copy(log, home.resolveSibling(home.getFileName() + ".log"), StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            // a leftover copy under target/ is harmless; mvn clean removes it
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
