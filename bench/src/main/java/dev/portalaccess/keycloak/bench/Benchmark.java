package dev.portalaccess.keycloak.bench;

/**
 * One benchmark, registered with {@code @AutoService(Benchmark.class)} and run by {@link BenchMain}
 * against the shared real Keycloak server. It reports its figures through {@link BenchReport}.
 */
public interface Benchmark {

    /** Short name used to select it: {@code -Dbench=name}. */
    String name();

    void run(BenchContext context) throws Exception;
}
