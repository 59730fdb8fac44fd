package dev.portalaccess.keycloak.it.providers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cluster safety, checked on the built JARs: provider classes keep no mutable static state. Anything
 * shared between requests must live in Keycloak's database or caches, or a change on one node would
 * not hold on the next request to another. Flags non-final static fields, and static fields of types
 * that only exist to be mutated across requests (concurrent maps, atomics, caches).
 *
 * <p>Needs no server, only the distribution's libraries to load the classes: it runs with the
 * integration tests, after Maven unpacks the distribution.
 */
class NoMutableStaticStateIT {

    private static final Set<String> SHARED_STATE_TYPES = Set.of(
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicReference",
            "java.util.HashMap", "java.util.ArrayList", "java.util.HashSet", "java.util.LinkedHashMap",
            "java.lang.ThreadLocal");

    static Stream<String> providerJars() throws IOException {
        return ProviderRegistrationIT.providerJars();
    }

    @ParameterizedTest
    @MethodSource("providerJars")
    void noMutableStaticState(String jarName) throws Exception {
        Path home = Path.of(System.getProperty("portalaccess.keycloak.home"));
        Path jar = home.resolve("providers").resolve(jarName);
        List<String> violations = new ArrayList<>();
        int classes = 0;
        try (URLClassLoader loader = classLoader(home); JarFile file = new JarFile(jar.toFile())) {
            for (String entry : file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")
                    && n.startsWith("dev/portalaccess/") && !n.endsWith("module-info.class")).toList()) {
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                Class<?> type = Class.forName(className, false, loader);
                classes++;
                for (Field field : type.getDeclaredFields()) {
                    int mods = field.getModifiers();
                    if (!Modifier.isStatic(mods) || field.isSynthetic()) {
                        continue;
                    }
                    if (!Modifier.isFinal(mods)) {
                        violations.add(className + "." + field.getName() + " is static and not final");
                    } else if (SHARED_STATE_TYPES.contains(field.getType().getName())
                            || ConcurrentMap.class.isAssignableFrom(field.getType())) {
                        violations.add(className + "." + field.getName() + " is a static " + field.getType().getSimpleName());
                    }
                }
            }
        }
        assertTrue(classes > 0, jarName + " has no classes under dev/portalaccess");
        assertTrue(violations.isEmpty(), jarName + " keeps mutable static state:\n" + String.join("\n", violations));
    }

    private static URLClassLoader classLoader(Path home) throws IOException {
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
