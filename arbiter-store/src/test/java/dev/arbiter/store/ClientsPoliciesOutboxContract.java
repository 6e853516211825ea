package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** API clients, dynamic policies and the outbox. */
abstract class ClientsPoliciesOutboxContract implements StoreContract {

    @Test
    void client_authenticates_onlyWithItsSecret_untilRevoked() {
        String tenant = Fixtures.tenant();
        IssuedClient issued = db().inTransaction((Tx tx) -> tx.clients().create(tenant, "ci-bot"));
        String id = issued.client().clientId();
        assertThat(id).matches("cli_[a-z0-9]{24}");
        assertThat(issued.secret()).startsWith("arb_").hasSize(47);
        assertThat(issued.toString()).doesNotContain(issued.secret());

        db().inTransaction((Tx tx) -> {
            assertThat(tx.clients().authenticate(id, issued.secret())).contains(issued.client());
            assertThat(tx.clients().authenticate(id, issued.secret() + "x")).isEmpty();
            assertThat(tx.clients().authenticate("cli_unknown", issued.secret()))
                    .isEmpty();
            return null;
        });
        String stored = db().jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT secret_hash || ':' || secret_salt FROM api_clients WHERE client_id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(stored).doesNotContain(issued.secret());

        assertThat(db().inTransaction((Tx tx) -> tx.clients().revoke(id))).isTrue();
        assertThat(db().inTransaction((Tx tx) -> tx.clients().revoke(id))).isFalse();
        db().inTransaction((Tx tx) -> {
            assertThat(tx.clients().authenticate(id, issued.secret())).isEmpty();
            assertThat(tx.clients().find(id))
                    .hasValueSatisfying(c -> assertThat(c.active()).isFalse());
            return null;
        });
    }

    @Test
    void clients_areListedPerTenant_orAll() {
        String a = Fixtures.tenant();
        String b = Fixtures.tenant();
        db().inTransaction((Tx tx) -> {
            tx.clients().create(a, "one");
            clock().advance(Duration.ofSeconds(1));
            tx.clients().create(a, "two");
            tx.clients().create(b, "three");
            return null;
        });
        db().inTransaction((Tx tx) -> {
            assertThat(tx.clients().list(a)).extracting(ApiClientRecord::name).containsExactly("one", "two");
            assertThat(tx.clients().list(null))
                    .extracting(ApiClientRecord::tenantId)
                    .contains(a, b);
            return null;
        });
    }

    @Test
    void policies_listEnabledByPriority_andBumpTheSetVersion() {
        String tenant = Fixtures.tenant();
        db().inTransaction((Tx tx) -> {
            assertThat(tx.policies().setVersion(tenant)).isZero();
            tx.policies().insert(tenant, "low", "{\"conditions\":[]}", true, 1, "enforce", "cli");
            tx.policies().insert(tenant, "high", "{\"conditions\":[]}", true, 50, "enforce", "cli");
            tx.policies().insert(tenant, "off", "{\"conditions\":[]}", false, 99, "enforce", null);
            tx.policies().insert(Fixtures.tenant(), "elsewhere", "{}", true, 10, "enforce", null);
            return null;
        });
        db().inTransaction((Tx tx) -> {
            List<StoredPolicy> enabled = tx.policies().listEnabled(tenant);
            assertThat(enabled).extracting(StoredPolicy::name).containsExactly("high", "low");
            assertThat(tx.policies().find(tenant, enabled.getFirst().id())).contains(enabled.getFirst());
            assertThat(tx.policies().find(Fixtures.tenant(), enabled.getFirst().id()))
                    .isEmpty();
            assertThat(tx.policies().setVersion(tenant)).isEqualTo(3);
            long global = tx.policies().setVersion(Policies.GLOBAL_TENANT);
            assertThat(tx.policies().setVersions(tenant)).isEqualTo(new Policies.SetVersions(3, global));
            assertThat(tx.policies().setVersions(Fixtures.tenant())).isEqualTo(new Policies.SetVersions(0, global));
            return null;
        });
    }

    @Test
    void putByName_isIdempotent_andVersionsChanges() {
        String tenant = Fixtures.tenant();
        StoredPolicy first = db().inTransaction(
                        (Tx tx) -> tx.policies().putByName(tenant, "gpt4", "{\"a\":1}", true, 10, "enforce", "file"));
        StoredPolicy same = db().inTransaction(
                        (Tx tx) -> tx.policies().putByName(tenant, "gpt4", "{\"a\":1}", true, 10, "enforce", "file"));
        assertThat(same).isEqualTo(first);
        assertThat(db().inTransaction((Tx tx) -> tx.policies().setVersion(tenant)))
                .isEqualTo(1);

        clock().advance(Duration.ofSeconds(1));
        StoredPolicy changed = db().inTransaction(
                        (Tx tx) -> tx.policies().putByName(tenant, "gpt4", "{\"a\":2}", true, 10, "enforce", "file"));
        assertThat(changed.id()).isEqualTo(first.id());
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.updatedAt()).isAfter(first.updatedAt());
        assertThat(db().inTransaction((Tx tx) -> tx.policies().listEnabled(tenant)))
                .containsExactly(changed);
        assertThat(db().inTransaction((Tx tx) -> tx.policies().setVersion(tenant)))
                .isEqualTo(2);
        long versions = db().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM policy_versions WHERE policy_id = :id")
                        .bind("id", first.id())
                        .mapTo(Long.class)
                        .one());
        assertThat(versions).isEqualTo(2);
    }

    @Test
    void outbox_leasesClaims_retries_andCompletes() {
        String topic = "webhook-" + Fixtures.tenant();
        long id = db().inTransaction((Tx tx) -> tx.outbox().enqueue("t", topic, "{\"n\":1}", tx.now()));
        long later = db().inTransaction(tx ->
                tx.outbox().enqueue("t", topic, "{\"n\":2}", tx.now().plusSeconds(60)));

        List<OutboxMessage> claimed =
                db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 10, Duration.ofSeconds(30)));
        assertThat(claimed).extracting(OutboxMessage::id).containsExactly(id);
        assertThat(claimed.getFirst().attempts()).isEqualTo(1);
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 10, Duration.ofSeconds(30))))
                .isEmpty();

        clock().advance(Duration.ofSeconds(31));
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 10, Duration.ofSeconds(30))))
                .extracting(OutboxMessage::attempts)
                .containsExactly(2);
        assertThat(db().inTransaction((Tx tx) -> tx.outbox().retryAt(id, tx.now(), "HTTP 503")))
                .isTrue();
        clock().advance(Duration.ofSeconds(30));
        List<OutboxMessage> both = db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 10, Duration.ofSeconds(30)));
        assertThat(both).extracting(OutboxMessage::id).containsExactly(id, later);
        assertThat(both.getFirst().lastError()).isEqualTo("HTTP 503");
        db().inTransaction((Tx tx) -> {
            assertThat(tx.outbox().complete(id)).isTrue();
            assertThat(tx.outbox().complete(id)).isFalse();
            assertThat(tx.outbox().pendingCount(topic)).isEqualTo(1);
            return null;
        });
    }

    @Test
    void outbox_concurrentClaims_neverTakeTheSameMessage() throws Exception {
        String topic = "expiry-" + Fixtures.tenant();
        db().inTransaction((Tx tx) -> {
            for (int i = 0; i < 4; i++) {
                tx.outbox().enqueue("t", topic, "{}", tx.now());
            }
            return null;
        });
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<OutboxMessage>> first = pool.submit(() -> onOwnConnection((Tx tx) -> {
                List<OutboxMessage> mine = tx.outbox().claim(topic, 2, Duration.ofMinutes(5));
                firstClaimed.countDown();
                // Hold the row locks until the other worker has claimed: it must skip, not wait.
                try {
                    assertThat(secondDone.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return mine;
            }));
            assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
            List<OutboxMessage> second =
                    db().inTransaction((Tx tx) -> tx.outbox().claim(topic, 10, Duration.ofMinutes(5)));
            secondDone.countDown();
            List<OutboxMessage> firstMessages = first.get(30, TimeUnit.SECONDS);
            assertThat(firstMessages).hasSize(2);
            assertThat(second).hasSize(2);
            assertThat(second)
                    .extracting(OutboxMessage::id)
                    .doesNotContainAnyElementsOf(
                            firstMessages.stream().map(OutboxMessage::id).toList());
        }
    }
}
