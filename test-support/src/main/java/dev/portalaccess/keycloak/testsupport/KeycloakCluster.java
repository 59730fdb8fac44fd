package dev.portalaccess.keycloak.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.WebConnectionWrapper;
import org.jboss.logging.Logger;

/**
 * Two Keycloak nodes clustered on loopback, on a PostgreSQL instance of their own: the set-up of
 * {@code docs/cluster.md}, started by the test JVM.
 *
 * <ul>
 *   <li>{@link PostgresInstance}: a new server in a temporary folder on a free port;</li>
 *   <li>the distribution of {@code portalaccess.keycloak.home} (every provider JAR in {@code providers/}, the
 *       realm exports in {@code data/import/}) copied once and built for it:
 *       {@code kc.sh build --db=postgres --cache=ispn --health-enabled=true}; each node runs its own copy;</li>
 *   <li>two nodes, {@code kc.sh start --optimized} on free HTTP and management ports, Infinispan's default
 *       {@code jdbc-ping} stack bound to 127.0.0.1 (the nodes find each other through the database);</li>
 *   <li>one {@code --hostname} for both ({@link #hostname()}, node A's address), so both issue and accept the
 *       same tokens: a token from one node refreshes on the other, as behind a load balancer;</li>
 *   <li>ready means: both answer {@code /health/ready} and both logged a cluster view of two members
 *       ({@code ISPN000094 ... (2)}).</li>
 * </ul>
 * One cluster is shared by a test JVM ({@link #shared()}), stopped by a shutdown hook (nodes, PostgreSQL,
 * temporary folders). A node can be stopped and started again ({@link #restart(int)}) for restart cases.
 * The node logs are kept in {@code portalaccess.cluster.logs} (default: the temporary folder, deleted).
 */
public final class KeycloakCluster {

    private static final Logger LOG = Logger.getLogger(KeycloakCluster.class);

    /** {@code ISPN000094: Received new cluster view for channel ISPN: [a|3] (2) [a, b]}. */
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^]]*\\] \\((\\d+)\\)");

    private static KeycloakCluster shared;
    /** Why the shared cluster could not start: later test classes fail at once instead of trying again. */
    private static RuntimeException startFailure;

    private final Path folder;
    private final PostgresInstance postgres;
    private final List<KeycloakServer> nodes = new ArrayList<>();
    private final String hostname;
    private boolean stopped;

    private KeycloakCluster(Path folder, PostgresInstance postgres, Path built) {
        this.folder = folder;
        this.postgres = postgres;
        int[] http = {stablePort(), stablePort()};
        this.hostname = "http://localhost:" + http[0];
        for (int i = 0; i < 2; i++) {
            Path home = folder.resolve("node-" + name(i));
            copyTree(built, home);
            int management = stablePort();
            List<String> args = new ArrayList<>(List.of("start", "--optimized",
                    "--http-enabled=true",
                    "--hostname=" + hostname,
                    "--db-url=" + postgres.jdbcUrl(),
                    "--db-username=" + PostgresInstance.USER,
                    "--db-password=" + PostgresInstance.PASSWORD,
                    "--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + jgroupsPort(),
                    "--log-level=INFO,dev.portalaccess:debug"));
            if (i == 0) {
                // node A creates the schema and imports the realm exports; B finds them in the database
                args.add("--import-realm");
            }
            nodes.add(new KeycloakServer(home, http[i], management, args));
        }
    }

    /** The cluster shared by this test JVM, started on first call (about 1 to 2 minutes). */
    public static synchronized KeycloakCluster shared() {
        if (startFailure != null) {
            throw new IllegalStateException("The Keycloak cluster could not start (see the first failure)", startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** The shared cluster if it has started, else null (for failure reports). */
    static synchronized KeycloakCluster sharedIfStarted() {
        return shared;
    }

    private static KeycloakCluster start() {
        String homeProperty = System.getProperty("portalaccess.keycloak.home");
        if (homeProperty == null) {
            throw new IllegalStateException("System property portalaccess.keycloak.home is not set: "
                    + "run the cluster tests through Maven (mvn verify)");
        }
        Instant begin = Instant.now();
        Path folder;
        try {
            folder = Files.createTempDirectory("portalaccess-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresInstance postgres = null;
        Thread early = null;
        try {
            postgres = PostgresInstance.start();
            PostgresInstance pg = postgres;
            early = new Thread(() -> {
                pg.close();
                deleteTree(folder);
            }, "keycloak-test-cluster-prepare-stop");
            Runtime.getRuntime().addShutdownHook(early);
            Path built = folder.resolve("built");
            copyTree(Path.of(homeProperty).toAbsolutePath(), built);
            build(built);
            KeycloakCluster cluster = new KeycloakCluster(folder, postgres, built);
            deleteTree(built);
            // from here the cluster's own stop() cleans up everything, also when the JVM is ended during the start
            Thread hook = new Thread(cluster::stop, "keycloak-test-cluster-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Runtime.getRuntime().removeShutdownHook(early);
            postgres = null;
            try {
                cluster.startNode(0);
                cluster.startNode(1);
            } catch (RuntimeException e) {
                cluster.stop();
                Runtime.getRuntime().removeShutdownHook(hook);
                throw e;
            }
            LOG.infof("Cluster of 2 nodes ready after %d s: A %s, B %s, hostname %s, PostgreSQL port %d",
                    Duration.between(begin, Instant.now()).toSeconds(), cluster.node(0).baseUrl(), cluster.node(1).baseUrl(),
                    cluster.hostname, cluster.postgres.port());
            return cluster;
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
                deleteTree(folder);
                Runtime.getRuntime().removeShutdownHook(early);
            }
            throw e;
        }
    }

    public KeycloakServer nodeA() {
        return node(0);
    }

    public KeycloakServer nodeB() {
        return node(1);
    }

    /** Node 0 (A) or 1 (B). */
    public KeycloakServer node(int index) {
        return nodes.get(index);
    }

    /** The one {@code --hostname} of both nodes: the issuer of every token, whichever node issued it. */
    public String hostname() {
        return hostname;
    }

    /**
     * A browser whose every request goes to node {@code index}: the pages of both nodes link to {@link #hostname()}
     * (node A's address), so the links are sent to the chosen node instead, as a sticky load balancer would.
     */
    public Browser browser(int index) {
        Browser browser = new Browser();
        String target = node(index).baseUrl();
        browser.client().setWebConnection(new WebConnectionWrapper(browser.client()) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                String url = request.getUrl().toString();
                if (url.startsWith(hostname + "/") || url.equals(hostname)) {
                    request.setUrl(new URL(target + url.substring(hostname.length())));
                }
                return super.getResponse(request);
            }
        });
        return browser;
    }

    public PostgresInstance postgres() {
        return postgres;
    }

    /** Stops node {@code index} gracefully (the other keeps serving; the view drops to one member). */
    public void stopNode(int index) {
        KeycloakServer node = node(index);
        long offset = node(other(index)).logLength();
        node.stop();
        awaitView(node(other(index)), offset, 1, Duration.ofSeconds(120));
        LOG.infof("Node %s stopped", name(index));
    }

    /** Starts node {@code index} again (after {@link #stopNode(int)}) and waits until both nodes form the view again. */
    public void startNode(int index) {
        KeycloakServer node = node(index);
        long offset = node.logLength();
        long otherOffset = nodes.get(other(index)).isRunning() ? node(other(index)).logLength() : -1;
        Instant begin = Instant.now();
        node.start();
        if (otherOffset >= 0) {
            awaitView(node, offset, 2, Duration.ofSeconds(180));
            awaitView(node(other(index)), otherOffset, 2, Duration.ofSeconds(180));
        }
        LOG.infof("Node %s ready after %d s", name(index), Duration.between(begin, Instant.now()).toSeconds());
    }

    /** Stops node {@code index} and starts it again. */
    public void restart(int index) {
        stopNode(index);
        startNode(index);
    }

    /** Stops both nodes and PostgreSQL and deletes the temporary folders. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (KeycloakServer node : nodes) {
            node.stop();
        }
        String logs = System.getProperty("portalaccess.cluster.logs");
        if (logs != null && !logs.isBlank()) {
            keepLogs(Path.of(logs));
        }
        postgres.close();
        deleteTree(folder);
    }

    /** Log tails of both nodes, for a failure report. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            out.append("--- node ").append(name(i)).append(" (").append(node(i).baseUrl()).append(") ---\n")
                    .append(node(i).logTail(lines)).append('\n');
        }
        return out.toString();
    }

    static String name(int index) {
        return index == 0 ? "a" : "b";
    }

    private static int other(int index) {
        return 1 - index;
    }

    private static void awaitView(KeycloakServer node, long offset, int members, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = VIEW.matcher(node.logSince(offset));
            while (matcher.find()) {
                if (Integer.parseInt(matcher.group(1)) == members) {
                    return;
                }
            }
            KeycloakServer.sleep(500);
        }
        throw new IllegalStateException("No cluster view of " + members + " member(s) in the log of " + node.baseUrl()
                + " after " + timeout.toSeconds() + " s. Log tail:\n" + node.logTail(80));
    }

    /** {@code kc.sh build} for PostgreSQL and the clustered cache, once for both nodes. */
    private static void build(Path home) {
        build(home, List.of("--db=postgres", "--cache=ispn", "--health-enabled=true"));
    }

    /** Runs {@code kc.sh build} with {@code options} in the distribution {@code home} (for benchmarks too). */
    public static void build(Path home, List<String> options) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(options);
        Path log = home.resolve("build.log");
        try {
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed: " + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A free port whose JGroups failure-detection port (bind port + 100) is free too. */
    private static int jgroupsPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = stablePort();
            if (isFree(port + 100)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port pair for JGroups");
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a node keeps its ports across restarts, and an
     * ephemeral port chosen now could be taken by any outgoing connection (a node's own database connections)
     * before the node binds it.
     */
    private static int stablePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
            if (isFree(port)) {
                return port;
            }
        }
        return KeycloakServer.freePort();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void keepLogs(Path target) {
        try {
            Files.createDirectories(target);
            for (int i = 0; i < nodes.size(); i++) {
                if (Files.exists(node(i).logFile())) {
                    Files.copy(node(i).logFile(), target.resolve("keycloak-node-" + name(i) + ".log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (Files.exists(postgres.logFile())) {
                Files.copy(postgres.logFile(), target.resolve("postgres.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warnf("Could not keep the cluster logs in %s: %s", target, e.getMessage());
        }
    }

    /** Copies the distribution without the state of earlier runs (its {@code data/} except the realm exports, logs). */
    public static void copyDistribution(Path source, Path target) {
        copyTree(source, target);
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                String rel = relative.toString().replace('\\', '/');
                if (rel.endsWith(".log") || (rel.startsWith("data/") && !rel.startsWith("data/import"))) {
                    continue;
                }
                Path to = target.resolve(relative);
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + source + " to " + target, e);
        }
    }

    private static void deleteTree(Path root) {
        PostgresInstance.deleteTree(root);
    }
}
