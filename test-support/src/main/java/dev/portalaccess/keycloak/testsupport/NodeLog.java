package dev.portalaccess.keycloak.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

/**
 * A cluster node's log ({@link KeycloakServer#logSince}) from a mark on: counts Hibernate's {@code HHH90010101} ("Closing shared session with
 * unprocessed transaction completion actions"), which a transaction logs when it rolls back after a write.
 */
public final class NodeLog {

    public static final String UNPROCESSED_COMPLETION_ACTIONS = "HHH90010101";

    private final KeycloakServer node;
    private final long mark;

    private NodeLog(KeycloakServer node) {
        this.node = node;
        this.mark = node.logLength();
    }

    /** The log of node {@code index} (0: A, 1: B) from now on. */
    public static NodeLog of(KeycloakCluster cluster, int index) {
        return new NodeLog(cluster.node(index));
    }

    public long unprocessedCompletionActions() {
        String text = node.logSince(mark);
        long count = 0;
        for (int at = text.indexOf(UNPROCESSED_COMPLETION_ACTIONS); at >= 0; at = text.indexOf(UNPROCESSED_COMPLETION_ACTIONS, at + 1)) {
            count++;
        }
        return count;
    }

    public void assertNoUnprocessedCompletionActions(String after) {
        assertEquals(0, unprocessedCompletionActions(), "after " + after + ", the node logged " + UNPROCESSED_COMPLETION_ACTIONS
                + " (a refusal after a write):\n" + node.logSince(mark));
    }

    /**
     * Waits (up to 30 s) until exactly {@code expected} warnings are in the log: the warning of the path that
     * still writes first comes when its session closes, which may be just after the response.
     */
    public void awaitUnprocessedCompletionActions(long expected, String after) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (unprocessedCompletionActions() < expected && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertEquals(expected, unprocessedCompletionActions(), "after " + after + ", warnings " + UNPROCESSED_COMPLETION_ACTIONS
                + " in the node log:\n" + node.logSince(mark));
    }
}
