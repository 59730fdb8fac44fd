package dev.portalaccess.keycloak.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No attribute name of the project is spelled outside its settings class: every {@code "portalaccess.} literal of
 * this module's sources is in a {@code *Settings} class, or is one of the few named constants below that are no
 * setting (markers) or another module's key that this module reads through its declaration.
 */
class SettingsLiteralsTest {

    private static final Set<String> ALLOWED_CONSTANTS = Set.of();

    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"portalaccess\\.");

    @Test
    void attributeNamesAreSpelledOnlyInSettingsClasses() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("Settings.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.contains("\"portalaccess.")) {
                        continue;
                    }
                    Matcher constant = CONSTANT.matcher(line);
                    if (!(constant.find() && ALLOWED_CONSTANTS.contains(name + ":" + constant.group(1)))) {
                        offending.add(name + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
