package dev.portalaccess.keycloak.bench;

import java.util.ServiceLoader;
import java.util.Set;

import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.jboss.logging.Logger;

/** Runs the registered benchmarks (all, or those named in {@code -Dbench=a,b}) and prints the figures. */
public final class BenchMain {

    private static final Logger LOG = Logger.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String selection = System.getProperty("bench", "").trim();
        Set<String> wanted = selection.isEmpty() ? Set.of() : Set.of(selection.split(","));
        KeycloakServer server = KeycloakServer.shared();
        BenchContext context = new BenchContext(server, Rest.admin(server), new BenchReport());
        int ran = 0;
        for (Benchmark benchmark : ServiceLoader.load(Benchmark.class)) {
            if (wanted.isEmpty() || wanted.contains(benchmark.name())) {
                LOG.infof("Running benchmark %s", benchmark.name());
                benchmark.run(context);
                ran++;
            }
        }
        LOG.infof("%d benchmark(s) ran. Figures:%n%s", ran, context.report().table());
        System.exit(0);
    }
}
