package dev.portalaccess.keycloak.testsupport;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A real Keycloak server, run from the distribution unpacked by the build, as a child process.
 *
 * <p>One server is shared by a whole test JVM (see {@link #shared()}): it is started on first use and
 * stopped by a shutdown hook. Ports are chosen free at start, so tests never collide with the product
 * running on 8080 or with another checkout's test run.
 *
 * <p>Configuration (system properties, set by the integration-tests pom):
 * <ul>
 *   <li>{@code portalaccess.keycloak.home}: the unpacked distribution, with the provider JARs in
 *       {@code providers/} and the realm exports in {@code data/import/};</li>
 *   <li>{@code portalaccess.keycloak.args}: extra arguments for {@code kc.sh start-dev};</li>
 *   <li>{@code portalaccess.keycloak.startTimeoutSeconds}: how long to wait for readiness (default 600).</li>
 * </ul>
 */
public final class KeycloakServer {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static KeycloakServer shared;

    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    /** {@code kc.sh} arguments of a cluster node ({@link KeycloakCluster}); null: the shared dev-mode server. */
    private final List<String> nodeArgs;
    private Process process;

    private KeycloakServer(Path home, int httpPort, int managementPort) {
        this(home, httpPort, managementPort, null);
    }

    /**
     * A server of {@code home} started with {@code kc.sh} and {@code args} (e.g. {@code start --optimized ...}) on free
     * HTTP and management ports (added to the arguments); not started yet: {@link #start()}, {@link #stop()}.
     * For cluster nodes and benchmarks that need a database of their own; the log is appended across restarts.
     */
    public static KeycloakServer of(Path home, List<String> args) {
        return new KeycloakServer(home, freePort(), freePort(), List.copyOf(args));
    }

    KeycloakServer(Path home, int httpPort, int managementPort, List<String> nodeArgs) {
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.nodeArgs = nodeArgs;
        this.log = home.resolve("keycloak-test.log");
    }

    /** The server shared by this test JVM, started on first call. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            String homeProperty = System.getProperty("portalaccess.keycloak.home");
            if (homeProperty == null) {
                throw new IllegalStateException("System property portalaccess.keycloak.home is not set: "
                        + "run the integration tests through Maven (mvn verify)");
            }
            KeycloakServer server = new KeycloakServer(Path.of(homeProperty).toAbsolutePath(), freePort(), freePort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-test-server-stop"));
            shared = server;
        }
        return shared;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return log;
    }

    /** The last {@code lines} lines of the server log, to show next to a failure. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no Keycloak log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The server log written since {@code offset} characters (see {@link #logLength()}). */
    public String logSince(long offset) {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            return offset < all.length() ? all.substring((int) offset) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long logLength() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).length();
        } catch (IOException e) {
            return 0;
        }
    }

    public int managementPort() {
        return managementPort;
    }

    /** Whether the server process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the process and waits until {@code /health/ready} answers 200. */
    public void start() {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (bin/kc.sh missing)");
        }
        List<String> command = nodeArgs != null ? new ArrayList<>(List.of(kcSh.toString())) : new ArrayList<>(List.of(
                kcSh.toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--db=dev-mem",
                "--cache=local",
                "--import-realm",
                "--log-level=INFO,dev.portalaccess:debug"));
        if (nodeArgs != null) {
            command.addAll(nodeArgs);
            command.add("--http-port=" + httpPort);
            command.add("--http-management-port=" + managementPort);
        }
        String extra = System.getProperty("portalaccess.keycloak.args", "").trim();
        if (!extra.isEmpty()) {
            Collections.addAll(command, extra.split("\\s+"));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                // a cluster node keeps its log across restarts (offsets from logLength() stay valid)
                .redirectOutput(nodeArgs != null ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Keycloak's default heap is 70 % of the machine's RAM (initially 50 %): on a shared test machine
        // that lets one test server take most of it. A fixed ceiling unless the caller chose one.
        builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx1536m");
        LOG.infof("Starting Keycloak from %s on port %d (management %d), log %s", home, httpPort, managementPort, log);
        Instant begin = Instant.now();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + kcSh, e);
        }
        waitUntilReady(Duration.ofSeconds(Long.getLong("portalaccess.keycloak.startTimeoutSeconds", 600)));
        LOG.infof("Keycloak ready at %s after %d s", baseUrl(), Duration.between(begin, Instant.now()).toSeconds());
    }

    private void waitUntilReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Log tail:\n" + logTail(120));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(1000);
        }
        stop();
        throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s. Log tail:\n" + logTail(120));
    }

    /** Stops the process (and its children) gracefully, forcibly after 30 s. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // kc.sh execs java; stop the whole tree so no server outlives the test run
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
