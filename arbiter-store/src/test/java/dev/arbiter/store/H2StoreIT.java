package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database with the production settings. */
class H2StoreIT {
    @TempDir
    static Path dataDir;

    static final MutableClock CLOCK = MutableClock.standard();
    static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(DatabaseConfig.embedded(dataDir), CLOCK);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void identitySequences_allocateLargeRanges_soTheirFlushesAreRare() {
        List<Long> caches = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT identity_cache FROM information_schema.columns"
                                + " WHERE is_identity = 'YES' ORDER BY table_name")
                        .mapTo(Long.class)
                        .list());
        assertThat(caches).hasSize(3).containsOnly(1000L);
    }

    @Nested
    class Workflows extends WorkflowContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class StepQueries extends StepQueryContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class Totals extends TotalsContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class GroupCommit extends GroupCommitContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class ClientsPoliciesOutbox extends ClientsPoliciesOutboxContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class PolicyManagement extends PolicyManagementContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class WebhookSubscriptions extends WebhookContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }

    @Nested
    class CheckpointsAndExpiry extends CheckpointContract {
        @Override
        public Database db() {
            return db;
        }

        @Override
        public MutableClock clock() {
            return CLOCK;
        }
    }
}
