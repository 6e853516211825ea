package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdsTest {
    private final Ids ids = new Ids();

    @Test
    void token_hasTheLengthAskedFor_inTheAlphabet() {
        for (int length : new int[] {1, 16, 24, 43}) {
            assertThat(ids.token(length)).hasSize(length).matches("[a-z0-9]+");
        }
        assertThat(ids.auditId(Instant.ofEpochSecond(1_700_000_000))).matches("audit_1700000000_[a-z0-9]{16}");
    }

    @Test
    void token_drawsEveryCharacterAboutEquallyOften() {
        int[] counts = new int[128];
        int draws = 360_000;
        for (int i = 0; i < draws / 36; i++) {
            for (char c : ids.token(36).toCharArray()) {
                counts[c]++;
            }
        }
        // 10,000 expected per character, standard deviation about 98, so 5 deviations either way; a byte
        // taken modulo 36 without rejecting the top four values would give a, b, c and d about 11,250.
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            assertThat(counts[c]).as("count of %s", c).isBetween(9_500, 10_500);
        }
    }
}
