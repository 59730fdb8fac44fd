package dev.portalaccess.keycloak.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAppTest {

    @TempDir
    Path root;

    private ConsoleApp app(String index) throws IOException {
        Path dir = root.resolve(ConsoleApp.RESOURCE_ROOT);
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("index.html"), index, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("assets/index-Ab1.js"), "console.log(1)");
        Files.writeString(dir.resolve("favicon.svg"), "<svg/>");
        Files.writeString(dir.resolve("notes.txt"), "secret");
        Files.createDirectories(dir.resolve(".vite"));
        Files.writeString(dir.resolve(".vite/manifest.json"), "{}");
        Files.writeString(root.resolve("outside.js"), "x");
        return ConsoleApp.load(new URLClassLoader(new URL[] {root.toUri().toURL()}, null));
    }

    @Test
    void writesTheBaseOfTheRealmIntoTheIndexPage() throws IOException {
        ConsoleApp app = app("<html><head><base href=\"/\"><title>x</title></head></html>");
        assertEquals("<html><head><base href=\"/realms/acme/portal-access/console/\"><title>x</title></head></html>",
                app.indexHtml("/realms/acme/portal-access/console/"));
        assertTrue(app.indexHtml("/realms/a\"b<c>/").contains("<base href=\"/realms/a&quot;b&lt;c&gt;/\">"));
    }

    @Test
    void refusesABuildWithoutIndexPageOrBase() throws IOException {
        assertThrows(IllegalStateException.class, () -> app("<html><head></head></html>"));
        assertThrows(IllegalStateException.class, () -> ConsoleApp.load(new URLClassLoader(new URL[0], null)));
    }

    @Test
    void servesFilesOfTheBuildOnly() throws IOException {
        ConsoleApp app = app("<base href=\"/\">");
        ConsoleApp.StaticFile js = app.file("assets/index-Ab1.js").orElseThrow();
        assertEquals("text/javascript; charset=utf-8", js.contentType());
        assertTrue(js.immutable(), "hashed");
        ConsoleApp.StaticFile icon = app.file("favicon.svg").orElseThrow();
        assertFalse(icon.immutable());
        assertEquals("image/svg+xml", icon.contentType());

        for (String refused : new String[] {"index.html", "notes.txt", ".vite/manifest.json", "../outside.js",
                "assets/../favicon.svg", "/favicon.svg", "assets//index-Ab1.js", "assets/nope.js", "", "assets\\index-Ab1.js"}) {
            assertTrue(app.file(refused).isEmpty(), refused);
        }
    }

    @Test
    void pathsWithoutExtensionAreRoutesOfTheApp() {
        assertTrue(ConsoleApp.isAppRoute(""));
        assertTrue(ConsoleApp.isAppRoute("acme/customers/123"));
        assertTrue(ConsoleApp.isAppRoute("acme/"));
        assertFalse(ConsoleApp.isAppRoute("assets/index-Ab1.js"));
        assertFalse(ConsoleApp.isAppRoute("acme/customers/x.png"));
        assertNull(ConsoleApp.contentType("file.exe"));
        assertEquals("font/woff2", ConsoleApp.contentType("assets/font-X.WOFF2"));
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndNoForeignFramer() {
        String csp = ConsoleHeaders.contentSecurityPolicy(java.util.Set.of());
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'self';"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertTrue(ConsoleHeaders.contentSecurityPolicy(java.util.Set.of("https://admin.example"))
                .contains("connect-src 'self' https://admin.example;"));
    }
}
