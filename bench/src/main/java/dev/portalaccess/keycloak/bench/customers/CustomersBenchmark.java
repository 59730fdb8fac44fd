package dev.portalaccess.keycloak.bench.customers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.bench.BenchContext;
import dev.portalaccess.keycloak.bench.BenchReport;
import dev.portalaccess.keycloak.bench.Benchmark;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.jboss.logging.Logger;

/**
 * The customers list of the typed admin API with 10,000 customers (customer roles and a feature catalogue on, some
 * customers with members and pending invitations): a page of 20 at the start and deep in the list, a search by
 * alias and by domain, and the count, side by side with Keycloak's own organization list and count of the same page.
 * Each row carries member and invitation counts and the feature summary, so the figure shows whether anything is
 * loaded per row beyond Keycloak's member count.
 */
@AutoService(Benchmark.class)
public final class CustomersBenchmark implements Benchmark {

    private static final Logger LOG = Logger.getLogger(CustomersBenchmark.class);
    private static final String NAME = "customers";
    private static final int CUSTOMERS = Integer.getInteger("bench.customers.count", 10_000);
    private static final int WITH_MEMBERS = 50;
    private static final int ROUNDS = 30;
    private static final String CATALOG = "[{\"name\":\"deployments\",\"default\":true},{\"name\":\"alerts\",\"requires\":[\"deployments\"]}]";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Rest admin = context.admin();
        BenchReport report = context.report();
        String realm = TestRealms.uniqueName("customers-bench");
        String base = "/admin/realms/" + realm;
        long t0 = System.nanoTime();
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", realm);
        rep.put("organizationsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.roles.enabled", "true", "portalaccess.features", CATALOG));
        TestRealms.create(admin, rep); // mail to the harness's SMTP sink: the invitations below are sent
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> withMembers = new ArrayList<>();
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String alias = String.format("c%05d", i);
                Map<String, Object> organization = Map.of("name", "Customer " + alias, "alias", alias,
                        "domains", List.of(Map.of("name", alias + ".customer.example")));
                created.add(pool.submit(() -> admin.post(base + "/organizations", organization).expect(201)));
            }
            for (Future<?> f : created) {
                f.get();
            }
            for (int i = 0; i < WITH_MEMBERS; i++) {
                String alias = String.format("c%05d", i);
                String id = admin.get(base + "/organizations?search=" + alias + ".customer.example&exact=true").expect(200)
                        .list().get(0).path("id").asText();
                withMembers.add(id);
                for (int m = 0; m < 3; m++) {
                    String user = admin.post(base + "/users", Map.of("username", alias + "-u" + m, "enabled", true,
                            "email", alias + "-u" + m + "@" + alias + ".customer.example")).expect(201).createdId();
                    admin.post(base + "/organizations/" + id + "/members", user).expect(201);
                }
                admin.post(base + "/organizations/" + id + "/members/invite-user", "application/x-www-form-urlencoded",
                        "email=invitee%40" + alias + ".customer.example").expect(204);
            }
        } finally {
            pool.shutdown();
        }
        report.figure(NAME, "setup: " + CUSTOMERS + " customers (" + WITH_MEMBERS + " with 3 members)", (System.nanoTime() - t0) / 1e9, "s");
        LOG.infof("Realm %s: %s organizations", realm, admin.get(base + "/organizations/count").expect(200).body());

        String api = base + "/portal-access/customers";
        measure(report, admin, "portal-access/customers first page (20 rows)", api + "?first=0&max=20", 20);
        measure(report, admin, "portal-access/customers page at 5,000 (20 rows)", api + "?first=5000&max=20", 20);
        measure(report, admin, "portal-access/customers last page (20 rows)", api + "?first=" + (CUSTOMERS - 20) + "&max=20", 20);
        measure(report, admin, "portal-access/customers page of 100", api + "?first=0&max=100", 100);
        measure(report, admin, "portal-access/customers search by alias", api + "?search=c04242", 1);
        measure(report, admin, "portal-access/customers search by domain", api + "?search=c07777.customer", 1);
        measureCount(report, admin, "portal-access/customers/count", api + "/count");
        measure(report, admin, "Keycloak organizations first page (20, brief)", base + "/organizations?first=0&max=20", 20);
        measure(report, admin, "Keycloak organizations page at 5,000 (20, brief)", base + "/organizations?first=5000&max=20", 20);
        measureCount(report, admin, "Keycloak organizations/count", base + "/organizations/count");
        admin.delete(base).expect(204);
    }

    private static void measure(BenchReport report, Rest admin, String what, String path, int rows) {
        long[] nanos = new long[ROUNDS];
        for (int i = -3; i < ROUNDS; i++) {
            long start = System.nanoTime();
            int got = admin.get(path).expect(200).list().size();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            if (got != rows) {
                throw new IllegalStateException(path + " answered " + got + " rows, expected " + rows);
            }
        }
        report.latency(NAME, what, nanos);
    }

    private static void measureCount(BenchReport report, Rest admin, String what, String path) {
        long[] nanos = new long[ROUNDS];
        for (int i = -3; i < ROUNDS; i++) {
            long start = System.nanoTime();
            long count = Long.parseLong(admin.get(path).expect(200).body().trim());
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            if (count != CUSTOMERS) {
                throw new IllegalStateException(path + " answered " + count + ", expected " + CUSTOMERS);
            }
        }
        report.latency(NAME, what, nanos);
    }
}
