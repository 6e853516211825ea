package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
    @Test
    void finds_addressesInProse() {
        String text = "Write to bob.smith+tag@example.co.uk (or alice@mail.example.com). Done.";
        assertThat(Scans.found(FindingType.EMAIL, text))
                .containsExactly("bob.smith+tag@example.co.uk", "alice@mail.example.com");
    }

    @Test
    void sentencePunctuation_isNotPartOfTheAddress() {
        assertThat(Scans.found(FindingType.EMAIL, "my e-mail UtaKortig@jourrapide.com?"))
                .containsExactly("UtaKortig@jourrapide.com");
        assertThat(Scans.found(FindingType.EMAIL, "reach me at a.b@example.org."))
                .containsExactly("a.b@example.org");
    }

    @Test
    void quotesAndQueryStrings_areNotPartOfTheAddress() {
        assertThat(Scans.found(FindingType.EMAIL, "{\"email\":\"jo@example.com\"}"))
                .containsExactly("jo@example.com");
        assertThat(Scans.found(FindingType.EMAIL, "/u?email=jo@example.com&x=1"))
                .containsExactly("jo@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "@example.com", "bob@", "a@b", "name@example.invalidtld", "x@@y.com"})
    void ignores_nonAddresses(String text) {
        assertThat(Scans.found(FindingType.EMAIL, text)).isEmpty();
    }

    @Test
    void localPartLongerThan64_isNotAnAddress() {
        assertThat(Scans.found(FindingType.EMAIL, "a".repeat(65) + "@example.com"))
                .isEmpty();
        assertThat(Scans.found(FindingType.EMAIL, "a".repeat(64) + "@example.com"))
                .hasSize(1);
    }
}
