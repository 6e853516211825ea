package dev.arbiter.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.wire.webhook.WebhookEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {
    @Test
    void url_acceptsAbsoluteHttpAndHttps_only() {
        assertThat(WebhookRules.url("https://hooks.example.com/a?b=c")).isEqualTo("https://hooks.example.com/a?b=c");
        assertThat(WebhookRules.url("HTTP://127.0.0.1:8080/h")).isEqualTo("HTTP://127.0.0.1:8080/h");
        for (String bad :
                List.of(" ", "hooks.example.com", "//hooks.example.com/a", "file:///etc/passwd", "https://")) {
            assertThatThrownBy(() -> WebhookRules.url(bad)).as(bad).isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> WebhookRules.url("https://h.example.com/" + "x".repeat(2030)))
                .hasMessage("url must be at most 2048 characters");
    }

    @Test
    void events_dropsDuplicates_keepsOrder_andRejectsUnknownNames() {
        assertThat(WebhookRules.events(List.of("workflow.failed", "*", "workflow.failed")))
                .containsExactly("workflow.failed", "*");
        assertThatThrownBy(() -> WebhookRules.events(List.of())).hasMessageStartingWith("events must name");
        assertThatThrownBy(() -> WebhookRules.events(List.of("workflow.*")))
                .hasMessageStartingWith("events: unknown event 'workflow.*'");
    }

    @Test
    void secret_emptyMeansNone_andIsBounded() {
        assertThat(WebhookRules.secret(null)).isNull();
        assertThat(WebhookRules.secret("")).isNull();
        assertThat(WebhookRules.secret("s")).isEqualTo("s");
        assertThatThrownBy(() -> WebhookRules.secret("s".repeat(1025))).isInstanceOf(ApiException.class);
    }

    @Test
    void subscribes_matchesTheNameOrTheWildcard() {
        assertThat(WebhookRules.subscribes(List.of("*"), WebhookEventType.WORKFLOW_FAILED))
                .isTrue();
        assertThat(WebhookRules.subscribes(List.of("workflow.failed"), WebhookEventType.WORKFLOW_FAILED))
                .isTrue();
        assertThat(WebhookRules.subscribes(List.of("workflow.failed"), WebhookEventType.WORKFLOW_ABORTED))
                .isFalse();
    }
}
