package dev.portalaccess.keycloak.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A PostgreSQL server of its own, for tests and benchmarks: a new data folder in a temporary folder, a free
 * port on 127.0.0.1, trust authentication for loopback connections only, and a database {@value #DATABASE}
 * owned by the role {@value #USER}. Nothing of the machine's own PostgreSQL service is used or changed.
 *
 * <p>The server binaries ({@code initdb}, {@code pg_ctl}, {@code createuser}, {@code createdb}) are taken from
 * {@code portalaccess.postgres.bin} if set, else from the newest {@code /usr/lib/postgresql/<version>/bin}
 * (Debian's {@code postgresql} package), else from the {@code PATH}. PostgreSQL refuses to run as root: when the
 * test JVM runs as root, the server runs as the {@code postgres} user that Debian's package creates.
 */
public final class PostgresInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresInstance.class);

    public static final String DATABASE = "keycloak";
    public static final String USER = "keycloak";
    public static final String PASSWORD = "keycloak";

    private final Path folder;
    private final Path data;
    private final Path log;
    private final Path bin;
    private final int port;
    private boolean running;

    private PostgresInstance(Path folder, Path bin, int port) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.log = folder.resolve("postgres.log");
        this.bin = bin;
        this.port = port;
    }

    /** Creates and starts a new instance in a new temporary folder; {@link #close()} stops it and deletes the folder. */
    public static PostgresInstance start() {
        Path folder;
        try {
            folder = Files.createTempDirectory("portalaccess-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresInstance instance = new PostgresInstance(folder, findBin(), KeycloakServer.freePort());
        try {
            instance.init();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Path logFile() {
        return log;
    }

    private void init() {
        if (isRoot()) {
            exec(List.of("chown", "-R", "postgres", folder.toString()));
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-locale", "--no-sync"));
        // loopback only, its own socket folder (not /var/run/postgresql), no fsync: throwaway test data
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "120",
                "-o", options, "start"));
        running = true;
        String host = "-h127.0.0.1";
        run(List.of(bin.resolve("createuser").toString(), host, "-p" + port, "-Upostgres", USER));
        run(List.of(bin.resolve("createdb").toString(), host, "-p" + port, "-Upostgres", "-O" + USER, "-EUTF8", DATABASE));
        LOG.infof("PostgreSQL on 127.0.0.1:%d, data in %s", port, data);
    }

    /**
     * Runs an SQL script with {@code psql} as the database's owner ({@value #USER}), stopping at the first
     * error (benchmark set-ups that write data in bulk while no Keycloak node runs).
     */
    public void psql(String script) {
        Path file = folder.resolve("script-" + System.nanoTime() + ".sql");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            if (isRoot()) {
                exec(List.of("chown", "postgres", file.toString()));
            }
            run(List.of(bin.resolve("psql").toString(), "-h127.0.0.1", "-p" + port, "-U" + USER, "-d" + DATABASE,
                    "-v", "ON_ERROR_STOP=1", "-q", "-f", file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("Could not delete %s: %s", file, e.getMessage());
            }
        }
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        if (running) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
            } catch (RuntimeException e) {
                LOG.warnf("Could not stop PostgreSQL in %s: %s", data, e.getMessage());
            }
            running = false;
        }
        deleteTree(folder);
    }

    /** Runs {@code command} as the {@code postgres} user when this JVM is root (PostgreSQL refuses root), else as is. */
    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(full);
    }

    private void exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output + tail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\nPostgreSQL log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static Path findBin() {
        String configured = System.getProperty("portalaccess.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresInstance::majorVersion));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) found under /usr/lib/postgresql/*/bin "
                + "or on the PATH: install Debian's postgresql package (apt-get install postgresql) or set "
                + "-Dportalaccess.postgres.bin");
    }

    private static int majorVersion(Path versionFolder) {
        try {
            return Integer.parseInt(versionFolder.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debugf("Could not delete %s: %s", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", root, e.getMessage());
        }
    }
}
