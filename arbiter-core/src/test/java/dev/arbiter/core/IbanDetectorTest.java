package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "GB82 WEST 1234 5698 7654 32",
                "GB82WEST12345698765432",
                "DE89370400440532013000",
                "DE89 3704 0044 0532 0130 00",
                "gb42nawi04454264788619",
                "FR1420041010050500013M02606"
            })
    void finds_validIbansCompactOrGrouped(String iban) {
        String text = "My IBAN is " + iban + ". Thanks";
        assertThat(Scans.found(FindingType.IBAN, text)).containsExactly(iban);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GB82 WEST 1234 5698 7654 33", // mod-97 fails
                "GB82WEST1234569876543", // one character short
                "GB82WEST123456987654321", // runs on past the country length
                "XX82WEST12345698765432", // no such country
                "AGB82WEST12345698765432" // inside a word
            })
    void ignores_nearMisses(String text) {
        assertThat(Scans.found(FindingType.IBAN, text)).isEmpty();
    }
}
