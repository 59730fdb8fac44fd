package dev.portalaccess.keycloak.customer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No attribute name of this module is spelled outside its settings class: every {@code "portalaccess.} literal in
 * the main sources is in a {@code *Settings} class, or is one of the internal markers (session notes, auth notes,
 * marker attributes that are no settings) declared once as a constant of the one class that owns it.
 */
class SettingKeysInOnePlaceTest {

    private static final Pattern LITERAL = Pattern.compile("\"portalaccess\\.");
    private static final Pattern MARKER = Pattern.compile("^\\s*(public |private )?static final String [A-Z_]+ = \"portalaccess\\.[A-Za-z.]+\";\\s*$");

    /** Owner class -> the markers it may declare (constant names). */
    private static final Map<String, Set<String>> MARKER_OWNERS = Map.of(
            "CustomerRoles.java", Set.of("INVITATION_ATTRIBUTE_PREFIX", "ORGANIZATION_REMOVAL_SESSION_ATTRIBUTE",
                    "ROLE_GROUP_MARKER", "IMPORTING_SESSION_ATTRIBUTE"),
            "MailboxProof.java", Set.of("USER", "EMAIL"),
            "CustomerServiceAccountsResource.java", Set.of("ATTR_CREATED_AT", "ATTR_REVOKED_AT"),
            // config keys of the customer-made SAML provider (identity-provider config, not organization attributes)
            "CustomerSaml.java", Set.of("PREFIX"));

    @Test
    void everySettingKeyIsSpelledInItsSettingsClassOnly() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
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
                    boolean allowed = marker.matches() && MARKER_OWNERS.getOrDefault(name, Set.of()).stream()
                            .anyMatch(constant -> line.contains(" " + constant + " = "));
                    if (!allowed) {
                        violations.add(sources.relativize(file) + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "attribute names spelled outside their settings class:\n" + String.join("\n", violations));
    }
}
