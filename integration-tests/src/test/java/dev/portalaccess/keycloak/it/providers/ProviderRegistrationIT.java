package dev.portalaccess.keycloak.it.providers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every factory a provider JAR registers (META-INF/services, written by AutoService) is listed by the
 * running server. A missing or broken services entry otherwise fails silently: the server just runs
 * without the provider.
 */
@KeycloakIntegrationTest
class ProviderRegistrationIT {

    static Stream<String> providerJars() throws IOException {
        Path providers = Path.of(System.getProperty("portalaccess.keycloak.home"), "providers");
        try (Stream<Path> files = Files.list(providers)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("portal-access-") && n.endsWith(".jar") && !n.contains("themes"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("providerJars")
    void serverListsEveryFactoryOfTheJar(String jarName, KeycloakServer server, Rest admin) throws Exception {
        Path jar = server.home().resolve("providers").resolve(jarName);
        List<String> factoryClasses = factoryClassesOf(jar);
        assertFalse(factoryClasses.isEmpty(), jarName + " registers no provider factory at all");

        Set<String> listedIds = new HashSet<>();
        JsonNode spis = admin.get("/admin/serverinfo").expect(200).json().path("providers");
        spis.forEach(spi -> spi.path("providers").fieldNames().forEachRemaining(listedIds::add));

        try (URLClassLoader loader = keycloakClassLoader(server.home())) {
            for (String className : factoryClasses) {
                Object factory = loader.loadClass(className).getDeclaredConstructor().newInstance();
                String id = (String) factory.getClass().getMethod("getId").invoke(factory);
                assertTrue(listedIds.contains(id),
                        jarName + ": factory " + className + " (id '" + id + "') is not listed by the running server");
            }
        }
    }

    /** Factory implementation classes named in the JAR's service files (except SPI declarations). */
    private static List<String> factoryClassesOf(Path jar) throws IOException {
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = entry.getName();
                if (!name.startsWith("META-INF/services/") || name.endsWith("/") || name.endsWith("org.keycloak.provider.Spi")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(classes::add);
                }
            }
        }
        return classes;
    }

    /** Keycloak's own libraries plus every installed provider JAR, to instantiate factories and read their ids. */
    private static URLClassLoader keycloakClassLoader(Path home) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path dir : List.of(home.resolve("lib/lib/boot"), home.resolve("lib/lib/main"), home.resolve("providers"))) {
            try (Stream<Path> jars = Files.list(dir)) {
                jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> {
                    try {
                        urls.add(p.toUri().toURL());
                    } catch (MalformedURLException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
