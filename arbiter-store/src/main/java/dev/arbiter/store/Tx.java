package dev.arbiter.store;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * One open transaction and its repositories. Everything done through one {@code Tx} commits together when
 * the {@link TransactionWork} returns, or rolls back together when it throws. Valid only inside that
 * callback and only on its thread.
 */
public final class Tx {
    private final Handle handle;
    private final Clock clock;
    private final Ids ids;
    private final Dialect dialect;
    private final RowLocks rowLocks;
    private @Nullable Workflows workflows;
    private @Nullable Steps steps;
    private @Nullable AuditLog audit;
    private @Nullable ApiClients clients;
    private @Nullable Policies policies;
    private @Nullable Outbox outbox;
    private @Nullable ManagedPolicies dynamicPolicies;
    private @Nullable ManagedPolicies staticPolicies;
    private @Nullable GateRecords gateRecords;
    private @Nullable Webhooks webhooks;
    private @Nullable Checkpoints checkpoints;
    private final LockedTotals lockedTotals = new LockedTotals();

    /** A transaction that locks the rows it reads for update, as one of several concurrent writers must. */
    Tx(Handle handle, Clock clock, Ids ids, Dialect dialect) {
        this(handle, clock, ids, dialect, RowLocks.TAKEN);
    }

    Tx(Handle handle, Clock clock, Ids ids, Dialect dialect, RowLocks rowLocks) {
        this.handle = handle;
        this.clock = clock;
        this.ids = ids;
        this.dialect = dialect;
        this.rowLocks = rowLocks;
    }

    /** The transaction's handle, for the store's own contract tests (raw SQL such as a migration's backfill). */
    Handle handle() {
        return handle;
    }

    /** The clock's current time, truncated to the microseconds the database keeps. */
    public Instant now() {
        return Sql.micros(clock.instant());
    }

    /** The database this transaction runs on. */
    public Dialect dialect() {
        return dialect;
    }

    public Workflows workflows() {
        if (workflows == null) {
            workflows = new Workflows(handle, lockedTotals, rowLocks);
        }
        return workflows;
    }

    public Steps steps() {
        if (steps == null) {
            steps = new Steps(handle, lockedTotals);
        }
        return steps;
    }

    public AuditLog audit() {
        if (audit == null) {
            audit = new AuditLog(handle, this::now, ids, rowLocks);
        }
        return audit;
    }

    public ApiClients clients() {
        if (clients == null) {
            clients = new ApiClients(handle, this::now, ids);
        }
        return clients;
    }

    public Policies policies() {
        if (policies == null) {
            policies = new Policies(handle, this::now);
        }
        return policies;
    }

    public Outbox outbox() {
        if (outbox == null) {
            outbox = new Outbox(handle, this::now, dialect);
        }
        return outbox;
    }

    /** Policies of one kind as the management API changes them (versions, soft deletion, tenant lock). */
    public ManagedPolicies managedPolicies(PolicyKind kind) {
        return switch (kind) {
            case DYNAMIC -> {
                if (dynamicPolicies == null) {
                    dynamicPolicies = new ManagedPolicies(handle, this::now, kind);
                }
                yield dynamicPolicies;
            }
            case STATIC -> {
                if (staticPolicies == null) {
                    staticPolicies = new ManagedPolicies(handle, this::now, kind);
                }
                yield staticPolicies;
            }
        };
    }

    /** The gate records policy simulation replays. */
    public GateRecords gateRecords() {
        if (gateRecords == null) {
            gateRecords = new GateRecords(handle);
        }
        return gateRecords;
    }

    /** The tenant's webhook subscriptions. */
    public Webhooks webhooks() {
        if (webhooks == null) {
            webhooks = new Webhooks(handle, this::now, ids);
        }
        return webhooks;
    }

    /** The workflows' checkpoints: their step rows with checkpoint numbers and resume counts. */
    public Checkpoints checkpoints() {
        if (checkpoints == null) {
            checkpoints = new Checkpoints(handle);
        }
        return checkpoints;
    }
}
