package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code containsPii}, the probe behind {@code step_input.contains_pii}: validators cut look-alikes. */
class ContainsPiiTest {
    @Test
    void containsPii_validSsn_isTrue() {
        assertThat(ContentScanner.defaults().containsPii("my ssn is 123-45-6789"))
                .isTrue();
    }

    @Test
    void containsPii_impossibleSsn_isFalse() {
        assertThat(ContentScanner.defaults().containsPii("ref 000-45-6789")).isFalse();
        assertThat(ContentScanner.defaults().containsPii("ref 666-45-6789")).isFalse();
        assertThat(ContentScanner.defaults().containsPii("ref 123-00-6789")).isFalse();
    }

    @Test
    void containsPii_luhnValidCard_isTrue() {
        assertThat(ContentScanner.defaults().containsPii("card 4111 1111 1111 1111 exp 12/29"))
                .isTrue();
    }

    @Test
    void containsPii_luhnInvalidDigits_isFalse() {
        assertThat(ContentScanner.defaults().containsPii("order 4111 1111 1111 1112"))
                .isFalse();
    }

    @Test
    void containsPii_email_isTrue() {
        assertThat(ContentScanner.defaults().containsPii("write to jane.doe@example.com"))
                .isTrue();
    }

    @Test
    void containsPii_plainText_isFalse() {
        assertThat(ContentScanner.defaults().containsPii("summarise the quarterly report"))
                .isFalse();
    }
}
