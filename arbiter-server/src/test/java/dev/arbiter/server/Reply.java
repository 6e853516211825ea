package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.arbiter.wire.Json;
import java.net.http.HttpHeaders;

/** One HTTP answer, with its body parsed as JSON when it is JSON. */
record Reply(int status, String body, HttpHeaders headers) {
    JsonNode json() {
        try {
            return body.isEmpty() ? MissingNode.getInstance() : Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    /** The text of a top-level field. */
    String text(String field) {
        return json().path(field).asText();
    }

    /** Asserts the status, showing the body when it differs. */
    Reply expect(int expected) {
        assertThat(status).as("status of reply %s", body).isEqualTo(expected);
        return this;
    }

    /** Asserts a WCP error envelope with this status and code, and no leaked internals. */
    Reply expectError(int expectedStatus, String code) {
        expect(expectedStatus);
        assertThat(json().path("code").asText()).as("code in %s", body).isEqualTo(code);
        assertThat(json().path("error").isTextual()).as("error in %s", body).isTrue();
        assertThat(json().path("message").isTextual()).as("message in %s", body).isTrue();
        assertNoInternals();
        return this;
    }

    /** Asserts that no stack trace or exception class leaked into the body. */
    Reply assertNoInternals() {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.arbiter.");
        return this;
    }
}
