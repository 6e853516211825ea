package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiProbesTest {
    @Test
    void containsPii_validSsn_isTrue() {
        assertThat(PiiProbes.containsPii("my ssn is 123-45-6789")).isTrue();
    }

    @Test
    void containsPii_impossibleSsn_isFalse() {
        assertThat(PiiProbes.containsPii("ref 000-45-6789")).isFalse();
        assertThat(PiiProbes.containsPii("ref 666-45-6789")).isFalse();
        assertThat(PiiProbes.containsPii("ref 123-00-6789")).isFalse();
    }

    @Test
    void containsPii_luhnValidCard_isTrue() {
        assertThat(PiiProbes.containsPii("card 4111 1111 1111 1111 exp 12/29")).isTrue();
    }

    @Test
    void containsPii_luhnInvalidDigits_isFalse() {
        assertThat(PiiProbes.containsPii("order 4111 1111 1111 1112")).isFalse();
    }

    @Test
    void containsPii_email_isTrue() {
        assertThat(PiiProbes.containsPii("write to jane.doe@example.com")).isTrue();
    }

    @Test
    void containsPii_plainText_isFalse() {
        assertThat(PiiProbes.containsPii("summarise the quarterly report")).isFalse();
    }
}
