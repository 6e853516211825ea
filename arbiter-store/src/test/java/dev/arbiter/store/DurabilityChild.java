package dev.arbiter.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate JVM for {@link EmbeddedDurabilityIT}: commits a workflow and its audit record per
 * transaction, forever, printing {@code ack <id>} after each commit returns, until it is killed.
 * {@code args[1] = "replace=<from>|<to>"} edits the JDBC URL, to demonstrate what a setting prevents.
 */
final class DurabilityChild {
    private DurabilityChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        DatabaseConfig config = DatabaseConfig.embedded(dir);
        if (args.length > 1 && args[1].startsWith("replace=")) {
            String[] fromTo = args[1].substring(8).split("\\|", -1);
            String url = config.jdbcUrl().replace(fromTo[0], fromTo[1]);
            config = new DatabaseConfig(Dialect.H2, url, config.user(), null, config.maxPoolSize(), dir);
        }
        Database db = Database.open(config, Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        for (int i = 1; ; i++) {
            String id = "wf_durable_" + i;
            db.inTransaction((Tx tx) -> {
                tx.workflows().insert(WorkflowRecord.start("durable", id, "n", "external", null, "{}", null, tx.now()));
                tx.audit()
                        .append(AuditEntry.builder("durable", id, "workflow_created", "allowed")
                                .build());
                return null;
            });
            System.out.println("ack " + id);
            System.out.flush();
        }
    }
}
