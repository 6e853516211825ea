package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.ListWebhooksResponse;
import dev.arbiter.wire.webhook.UpdateWebhookRequest;
import dev.arbiter.wire.webhook.WebhookEventType;
import dev.arbiter.wire.webhook.WebhookSubscription;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook subscription CRUD against the real server in community mode, and the mapping of its errors;
 * another tenant's subscription is {@link AuthenticationIT}'s (enterprise mode).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksIT {
    private static final List<String> APPROVALS =
            List.of(WebhookEventType.STEP_APPROVAL_REQUIRED.wireName(), WebhookEventType.WORKFLOW_FAILED.wireName());

    private RealServer server;
    private ArbiterClient client;

    @BeforeAll
    void start() {
        server = RealServer.community();
        client = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void createWebhook_withSecret_isActiveAndNeverShowsTheSecret() {
        String url = uniqueUrl();

        WebhookSubscription created =
                client.webhooks().create(new CreateWebhookRequest(url, APPROVALS, "whsec_0123456789", null));
        WebhookSubscription fetched = client.webhooks().get(created.id());

        assertThat(created.id()).startsWith("wh_");
        assertThat(created.url()).isEqualTo(url);
        assertThat(created.events()).containsExactlyElementsOf(APPROVALS);
        assertThat(created.active()).as("active unless said otherwise").isTrue();
        assertThat(created.hasSecret()).isTrue();
        assertThat(created.createdAt()).isEqualTo(created.updatedAt());
        assertThat(fetched).isEqualTo(created);
        assertThat(client.stats().failures()).isZero();
    }

    @Test
    void listWebhooks_oldestFirst_withPaging() {
        WebhookSubscription first =
                client.webhooks().create(new CreateWebhookRequest(uniqueUrl(), List.of("*"), null, null));
        WebhookSubscription second =
                client.webhooks().create(new CreateWebhookRequest(uniqueUrl(), List.of("*"), null, false));

        ListWebhooksResponse all = client.webhooks().list();
        ListWebhooksResponse lastTwo =
                client.webhooks().listAsync(2, all.total() - 2).join();

        assertThat(all.webhooks())
                .isSortedAccordingTo(
                        Comparator.comparing(WebhookSubscription::createdAt).thenComparing(WebhookSubscription::id));
        assertThat(all.total()).isEqualTo(all.webhooks().size());
        assertThat(lastTwo.webhooks()).containsExactlyInAnyOrder(first, second);
        assertThat(lastTwo.total()).isEqualTo(all.total());
        assertThat(second.active()).isFalse();
        assertThat(second.hasSecret()).isFalse();
    }

    @Test
    void updateWebhook_isPartial_andAnEmptySecretRemovesTheSecret() {
        WebhookSubscription created =
                client.webhooks().create(new CreateWebhookRequest(uniqueUrl(), APPROVALS, "s3cret", true));

        WebhookSubscription paused =
                client.webhooks().update(created.id(), new UpdateWebhookRequest(null, null, null, false));
        WebhookSubscription moved = client.webhooks()
                .updateAsync(
                        created.id(), new UpdateWebhookRequest("https://ops.example.com/moved", List.of("*"), "", null))
                .join();

        assertThat(paused.active()).isFalse();
        assertThat(paused.url()).isEqualTo(created.url());
        assertThat(paused.events()).isEqualTo(created.events());
        assertThat(paused.hasSecret()).as("absent secret keeps it").isTrue();
        assertThat(paused.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(moved.url()).isEqualTo("https://ops.example.com/moved");
        assertThat(moved.events()).containsExactly("*");
        assertThat(moved.active()).as("still paused").isFalse();
        assertThat(moved.hasSecret()).isFalse();
        assertThat(client.webhooks().get(created.id())).isEqualTo(moved);
    }

    @Test
    void deleteWebhook_thenEveryCallOnItIsNotFound() {
        WebhookSubscription created =
                client.webhooks().create(new CreateWebhookRequest(uniqueUrl(), APPROVALS, null, null));

        client.webhooks().delete(created.id());

        assertThatThrownBy(() -> client.webhooks().get(created.id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                    assertThat(e.serverMessage()).isEqualTo("Webhook not found");
                });
        assertThatThrownBy(() -> client.webhooks().deleteAsync(created.id()).join())
                .hasCauseInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> client.webhooks().update(created.id(), new UpdateWebhookRequest(null, null, null, true)))
                .isInstanceOf(NotFoundException.class);
        assertThat(client.webhooks().list(1000, 0).webhooks())
                .extracting(WebhookSubscription::id)
                .doesNotContain(created.id());
    }

    @Test
    void invalidSubscriptions_areValidationErrors_andStoreNothing() {
        int before = client.webhooks().list().total();

        assertThatThrownBy(() -> client.webhooks()
                        .create(new CreateWebhookRequest("ftp://ops.example.com", APPROVALS, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("BAD_REQUEST");
                    assertThat(e.serverMessage()).contains("url");
                });
        assertThatThrownBy(() -> client.webhooks()
                        .create(new CreateWebhookRequest(uniqueUrl(), List.of("step.exploded"), null, null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.serverMessage()).contains("step.exploded"));
        assertThatThrownBy(() -> client.webhooks().create(new CreateWebhookRequest(uniqueUrl(), List.of(), null, null)))
                .isInstanceOf(ValidationException.class);
        WebhookSubscription kept =
                client.webhooks().create(new CreateWebhookRequest(uniqueUrl(), APPROVALS, null, null));
        assertThatThrownBy(() ->
                        client.webhooks().update(kept.id(), new UpdateWebhookRequest("not a url", null, null, null)))
                .isInstanceOf(ValidationException.class);

        assertThat(client.webhooks().get(kept.id())).isEqualTo(kept);
        assertThat(client.webhooks().list().total()).isEqualTo(before + 1);
    }

    @Test
    void badArguments_areRefusedBeforeSending() {
        long sent = client.stats().requests();

        assertThatThrownBy(() -> client.webhooks().get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.webhooks().list(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.webhooks().list(1001, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.webhooks().list(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.webhooks().create(null)).isInstanceOf(NullPointerException.class);

        assertThat(client.stats().requests()).isEqualTo(sent);
    }

    private static String uniqueUrl() {
        return "https://hooks.example.com/" + UUID.randomUUID();
    }
}
