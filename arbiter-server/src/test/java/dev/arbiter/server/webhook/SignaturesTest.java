package dev.arbiter.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    @Test
    void sign_matchesRfc4231TestCase2() {
        assertThat(Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void sign_dependsOnEveryByteOfTheBody() {
        String a = Signatures.sign("k", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String b = Signatures.sign("k", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(a).isNotEqualTo(b).matches("sha256=[0-9a-f]{64}");
    }
}
