package dev.portalaccess.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one check, shared by every module through core's test JAR, that no attribute name of the project is spelled
 * outside its settings class: every {@code "portalaccess.} literal of a module's main sources is in a
 * {@code *Settings} class, or is a marker that is no setting (a session note, a marker attribute), declared once as a
 * named constant of the one class that owns it. A marker allowed but no longer declared fails too, so the list
 * cannot go stale.
 */
public final class SettingKeysCheck {

    private static final Pattern LITERAL = Pattern.compile("\"portalaccess\\.");
    private static final Pattern MARKER = Pattern.compile(
            "^\\s*(public |private )?static final String ([A-Z_]+) = \"portalaccess\\.[A-Za-z.]*\";\\s*$");

    private SettingKeysCheck() {
    }

    /** Asserts it for the module the test runs in ({@code src/main/java}); {@code markers}: owner file -> constant names. */
    public static void assertSpelledOnlyInSettingsClasses(Map<String, Set<String>> markers) {
        List<String> violations = violations(Path.of("src/main/java"), markers);
        assertTrue(violations.isEmpty(), "attribute names spelled outside their settings class:\n" + String.join("\n", violations));
    }

    /** What breaks the rule in {@code sources}, one line each. */
    public static List<String> violations(Path sources, Map<String, Set<String>> markers) {
        List<String> violations = new ArrayList<>();
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("Settings.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!LITERAL.matcher(line).find()) {
                        continue;
                    }
                    Matcher marker = MARKER.matcher(line);
                    if (marker.matches() && markers.getOrDefault(name, Set.of()).contains(marker.group(2))) {
                        found.add(name + ":" + marker.group(2));
                    } else {
                        violations.add(sources.relativize(file) + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        markers.forEach((file, constants) -> constants.stream().filter(c -> !found.contains(file + ":" + c))
                .forEach(c -> violations.add(file + ": allowed marker " + c + " is not declared there (any more)")));
        return violations;
    }
}
