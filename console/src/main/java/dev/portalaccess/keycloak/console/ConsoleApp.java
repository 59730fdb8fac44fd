package dev.portalaccess.keycloak.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built web application inside this JAR (Vite writes it to {@link #RESOURCE_ROOT}): the index page and the
 * static files next to it. Immutable once loaded; files are read from the class path on request.
 */
final class ConsoleApp {

    /** Where the Vite build lands in the JAR; a prefix of our own so no other provider JAR can shadow a file. */
    static final String RESOURCE_ROOT = "dev/portalaccess/keycloak/console/app/";

    /** The index page's base element as built; replaced per request by the realm's console path. */
    static final String BASE_PLACEHOLDER = "<base href=\"/\">";

    /** Hashed build output: its name changes whenever its content does, so browsers may keep it for a year. */
    static final String HASHED_DIR = "assets/";

    // segments of letters, digits, '-', '_' and '.' that do not start with a dot: no "..", no ".vite/"
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("json", "application/json"));

    private final ClassLoader loader;
    private final String indexTemplate;

    private ConsoleApp(ClassLoader loader, String indexTemplate) {
        this.loader = loader;
        this.indexTemplate = indexTemplate;
    }

    /** Loads the index page; fails when the JAR was built without the web application. */
    static ConsoleApp load(ClassLoader loader) {
        return load(loader, "index.html");
    }

    /**
     * Loads an entry page of the build ({@code index.html} for the console, {@code team.html} for the team page):
     * one build, several single-page applications sharing their chunks. HTML files are never served as files.
     */
    static ConsoleApp load(ClassLoader loader, String entry) {
        String index = read(loader, RESOURCE_ROOT + entry)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("The Portal Access console JAR has no " + RESOURCE_ROOT
                        + entry + ": build it with Maven (npm run build)"));
        if (!index.contains(BASE_PLACEHOLDER)) {
            throw new IllegalStateException("The console's " + entry + " has no " + BASE_PLACEHOLDER);
        }
        return new ConsoleApp(loader, index);
    }

    /** The index page for a console mounted at {@code basePath} (absolute, ending in '/'), HTML-escaped. */
    String indexHtml(String basePath) {
        return indexTemplate.replace(BASE_PLACEHOLDER, "<base href=\"" + escapeAttribute(basePath) + "\">");
    }

    /**
     * A static file of the build by its path below the console root ({@code assets/index-AbC123.js}), or empty:
     * for paths that are not files of the build, and for anything that does not look like one (traversal, hidden
     * files, unknown types).
     */
    Optional<StaticFile> file(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.equals("index.html")) {
            return Optional.empty();
        }
        String type = contentType(path);
        if (type == null) {
            return Optional.empty();
        }
        return read(loader, RESOURCE_ROOT + path).map(bytes -> new StaticFile(bytes, type, path.startsWith(HASHED_DIR)));
    }

    /**
     * Is this path (below the console root) one the single-page application routes itself? Those answer with the
     * index page; anything whose last segment has a file extension is a file and answers 404 when missing.
     */
    static boolean isAppRoute(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String escapeAttribute(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<byte[]> read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name + " from the console JAR", e);
        }
    }

    /** One file of the build. {@code immutable}: content-hashed, cacheable for a year. */
    record StaticFile(byte[] content, String contentType, boolean immutable) {
    }
}
