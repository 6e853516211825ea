package dev.arbiter.server.cli;

import dev.arbiter.server.audit.AuditService;
import dev.arbiter.store.ChainVerification;
import dev.arbiter.store.Database;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.audit.AuditVerifyResponse;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter audit verify}: checks the hash chains and reports the first broken link. */
@Command(name = "audit", description = "Audit trail tools.", subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: arbiter audit verify [--tenant T]");
    }

    /** Verifies one tenant's chain or every tenant's; exit status 1 if any chain is broken. */
    @Command(name = "verify", description = "Verify the audit hash chain of one tenant, or of every tenant.")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--tenant", description = "Only this tenant.")
        @Nullable
        String tenant;

        @Override
        public Integer call() throws Exception {
            try (Database database = ClientsCommand.open()) {
                List<ChainVerification> results = database.read(tx -> tenant == null
                        ? tx.audit().verifyAll()
                        : List.of(tx.audit().verify(tenant)));
                boolean ok = true;
                for (ChainVerification result : results) {
                    AuditVerifyResponse report = AuditService.report(result);
                    System.out.println(Json.mapper().writeValueAsString(report));
                    ok &= report.valid();
                }
                if (results.isEmpty()) {
                    System.out.println("{\"valid\":true,\"records_checked\":0}");
                }
                return ok ? 0 : 1;
            }
        }
    }
}
