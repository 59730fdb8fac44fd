package dev.portalaccess.keycloak.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

/** Collects figures and prints them as one table at the end of the run. */
public final class BenchReport {

    private static final Logger LOG = Logger.getLogger(BenchReport.class);

    private final List<String[]> rows = new ArrayList<>();

    /** Records one figure, e.g. {@code figure("denylist", "check p99, 1M entries", 0.41, "ms")}. */
    public void figure(String benchmark, String what, double value, String unit) {
        rows.add(new String[] {benchmark, what, String.format(Locale.ROOT, "%.3f", value), unit});
        LOG.infof("%s | %s | %.3f %s", benchmark, what, value, unit);
    }

    /** Median and 99th percentile of the samples (nanoseconds), recorded in milliseconds. */
    public void latency(String benchmark, String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        figure(benchmark, what + " median", sorted[sorted.length / 2] / 1e6, "ms");
        figure(benchmark, what + " p99", sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6, "ms");
    }

    String table() {
        StringBuilder out = new StringBuilder("| benchmark | figure | value | unit |\n|---|---|---|---|\n");
        rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return out.toString();
    }
}
