package dev.portalaccess.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message text of the project, in the themes and in the provider JARs ({@code theme-resources/messages}),
 * rendered as Keycloak renders it: always through {@link MessageFormat}, with or without parameters. A single
 * quote starts a quoted section there, so an apostrophe written {@code '} disappears ("companys") and may
 * swallow a placeholder; it must be written {@code ''}. Each message is rendered with sample arguments and
 * must keep every apostrophe its author meant and show every argument it names.
 */
class MessageTextsTest {

    /** The repository root: this module's parent directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static Stream<Path> messageFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("messages_[A-Za-z_]+\\.properties"))
                    .filter(p -> p.toString().contains("/src/main/resources/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.run/"))
                    .sorted().toList();
            return found.stream();
        }
    }

    @Test
    void findsTheMessagesOfTheThemesAndOfEveryProviderModule() throws IOException {
        List<String> files = messageFiles().map(p -> ROOT.relativize(p).toString()).toList();
        assertTrue(files.stream().anyMatch(f -> f.startsWith("themes/")), "theme messages: " + files);
        for (String module : List.of("core", "spi-domain-restriction", "spi-self-registration", "spi-tenant-access")) {
            assertTrue(files.stream().anyMatch(f -> f.startsWith(module + "/src/main/resources/theme-resources/messages/")),
                    module + " messages: " + files);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageFiles")
    void everyMessageRendersWithItsApostrophesAndArguments(Path file) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        Locale locale = Locale.forLanguageTag(file.getFileName().toString()
                .replace("messages_", "").replace(".properties", "").replace('_', '-'));
        List<String> problems = new ArrayList<>();
        for (String key : messages.stringPropertyNames().stream().sorted().toList()) {
            String text = messages.getProperty(key);
            String problem = check(text, locale);
            if (problem != null) {
                problems.add(key + ": " + problem + "\n    text:     " + text);
            }
        }
        assertTrue(problems.isEmpty(), ROOT.relativize(file) + " has messages MessageFormat mangles (write an apostrophe as ''):\n"
                + String.join("\n", problems));
    }

    @Test
    void theCheckCatchesALoneApostropheAndASwallowedArgument() {
        assertFalse(check("Ask your company's administrator.", Locale.ENGLISH) == null, "lone apostrophe");
        assertFalse(check("The address '{0}' is taken.", Locale.ENGLISH) == null, "quoted placeholder");
        assertTrue(check("Ask your company''s administrator about {0}.", Locale.ENGLISH) == null, "doubled apostrophe");
    }

    /** Why {@code text} does not render as meant, or null when it does. */
    static String check(String text, Locale locale) {
        MessageFormat format;
        try {
            format = new MessageFormat(text, locale);
        } catch (IllegalArgumentException e) {
            return "not a valid MessageFormat pattern (" + e.getMessage() + ")";
        }
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] args = new Object[formats.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = sample(formats[i], i);
        }
        String rendered = format.format(args);
        long meant = apostrophesMeant(text);
        long shown = rendered.chars().filter(c -> c == '\'').count();
        if (shown != meant) {
            return meant + " apostrophe(s) written, " + shown + " rendered: \"" + rendered + "\"";
        }
        for (int i = 0; i < 10; i++) {
            if (text.contains("{" + i) && !rendered.contains(String.valueOf(sample(null, i)))
                    && !(i < formats.length && formats[i] != null)) {
                return "argument {" + i + "} is not rendered: \"" + rendered + "\"";
            }
        }
        if (rendered.matches("(?s).*\\{\\d.*")) {
            return "a placeholder is rendered literally: \"" + rendered + "\"";
        }
        return null;
    }

    /** The apostrophes an author means: each {@code ''} is one, and so is each lone {@code '} (a mistake). */
    private static long apostrophesMeant(String text) {
        long count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\'') {
                count++;
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                }
            }
        }
        return count;
    }

    private static Object sample(Format format, int index) {
        if (format instanceof ChoiceFormat || format instanceof NumberFormat) {
            return 3;
        }
        if (format instanceof DateFormat) {
            return new Date(0);
        }
        return "ARG" + index + "X";
    }
}
