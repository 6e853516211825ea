package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions (tenant-scoped CRUD, the fan-out candidates) and outbox messages given up on. */
abstract class WebhookContract implements StoreContract {

    @Test
    void webhook_roundTrips_andIsScopedByTenant() {
        String tenant = Fixtures.tenant();
        String other = Fixtures.tenant();
        Webhook created = db().inTransaction((Tx tx) -> tx.webhooks()
                .create(tenant, "https://hooks.example.com/a", List.of("step.approved", "*"), "s3cret", true));
        assertThat(created.id()).matches("wh_[a-z0-9]{24}");
        assertThat(created.createdAt()).isEqualTo(created.updatedAt());
        assertThat(created.toString()).doesNotContain("s3cret").contains("<masked>");

        db().inTransaction((Tx tx) -> {
            assertThat(tx.webhooks().find(tenant, created.id())).contains(created);
            assertThat(tx.webhooks().find(other, created.id())).isEmpty();
            assertThat(tx.webhooks().delete(other, created.id())).isFalse();
            assertThat(tx.webhooks()
                            .update(new Webhook(
                                    other,
                                    created.id(),
                                    "https://evil.example.com",
                                    List.of("*"),
                                    null,
                                    true,
                                    created.createdAt(),
                                    tx.now())))
                    .isFalse();
            return null;
        });
        assertThat(db().inTransaction((Tx tx) -> tx.webhooks().find(tenant, created.id())))
                .as("another tenant changed nothing")
                .contains(created);
    }

    @Test
    void webhook_updates_keepItsCreationTime_andDeletes() {
        String tenant = Fixtures.tenant();
        Webhook created = db().inTransaction((Tx tx) ->
                tx.webhooks().create(tenant, "http://localhost:9/a", List.of("workflow.completed"), null, true));
        clock().advance(Duration.ofSeconds(5));
        Webhook changed = db().inTransaction((Tx tx) -> {
            Webhook w = created.with(
                    "http://localhost:9/b", List.of("workflow.failed", "workflow.aborted"), "k", false, tx.now());
            assertThat(tx.webhooks().update(w)).isTrue();
            return w;
        });
        Webhook read = db().inTransaction((Tx tx) -> tx.webhooks().find(tenant, created.id()))
                .orElseThrow();
        assertThat(read).isEqualTo(changed);
        assertThat(read.createdAt()).isEqualTo(created.createdAt());
        assertThat(read.updatedAt()).isAfter(created.updatedAt());
        assertThat(read.hasSecret()).isTrue();

        assertThat(db().inTransaction((Tx tx) -> tx.webhooks().delete(tenant, created.id())))
                .isTrue();
        assertThat(db().inTransaction((Tx tx) -> tx.webhooks().delete(tenant, created.id())))
                .isFalse();
        assertThat(db().inTransaction((Tx tx) -> tx.webhooks().find(tenant, created.id())))
                .isEmpty();
    }

    @Test
    void webhooks_listPerTenant_oldestFirst_andActiveOnlyForFanOut() {
        String tenant = Fixtures.tenant();
        List<Webhook> made = db().inTransaction((Tx tx) -> {
            Webhook a = tx.webhooks().create(tenant, "http://localhost:9/a", List.of("*"), null, true);
            clock().advance(Duration.ofSeconds(1));
            Webhook b = tx.webhooks().create(tenant, "http://localhost:9/b", List.of("*"), null, false);
            clock().advance(Duration.ofSeconds(1));
            Webhook c = tx.webhooks().create(tenant, "http://localhost:9/c", List.of("*"), null, true);
            tx.webhooks().create(Fixtures.tenant(), "http://localhost:9/other", List.of("*"), null, true);
            return List.of(a, b, c);
        });
        Page<Webhook> page = db().inTransaction((Tx tx) -> tx.webhooks().list(tenant, 2, 1));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).containsExactly(made.get(1), made.get(2));
        assertThat(db().inTransaction((Tx tx) -> tx.webhooks().active(tenant)))
                .containsExactly(made.get(0), made.get(2));
    }

    @Test
    void outbox_failedMessage_isDone_keepsItsError_andIsNeverClaimedAgain() {
        String topic = "failing-" + Fixtures.tenant();
        long id = db().inTransaction((Tx tx) -> tx.outbox().enqueue("t", topic, "{}", tx.now()));
        db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 1, Duration.ZERO));
        db().inTransaction((Tx tx) -> {
            assertThat(tx.outbox().fail(id, "HTTP 500")).isTrue();
            assertThat(tx.outbox().fail(id, "again")).isFalse();
            assertThat(tx.outbox().retryAt(id, tx.now(), "too late")).isFalse();
            assertThat(tx.outbox().pendingCount(topic)).isZero();
            return null;
        });
        clock().advance(Duration.ofHours(1));
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 10, Duration.ofSeconds(1))))
                .isEmpty();
        String row = db().jdbi()
                .withHandle(h -> h.createQuery("SELECT last_error || ':' || attempts || ':' || CASE WHEN failed_at"
                                + " IS NOT NULL AND done_at = failed_at THEN 'failed' ELSE 'not failed' END"
                                + " FROM outbox WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(row).isEqualTo("HTTP 500:1:failed");
    }

    @Test
    void outbox_releasedMessage_isClaimableAgain_withoutCountingTheClaim() {
        String topic = "released-" + Fixtures.tenant();
        long id = db().inTransaction((Tx tx) -> tx.outbox().enqueue("t", topic, "{}", tx.now()));
        db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 1, Duration.ofMinutes(5)));
        assertThat(db().inTransaction(
                                (Tx tx) -> tx.outbox().release(id, tx.now().plusSeconds(2))))
                .isTrue();
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 1, Duration.ofMinutes(5))))
                .as("not before the time it was released to")
                .isEmpty();
        clock().advance(Duration.ofSeconds(2));
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 1, Duration.ofMinutes(5))))
                .extracting(OutboxMessage::attempts)
                .containsExactly(1);
        db().inTransaction((Tx tx) -> tx.outbox().complete(id));
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().release(id, tx.now())))
                .isFalse();
    }
}
