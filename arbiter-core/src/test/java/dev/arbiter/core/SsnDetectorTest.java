package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsnDetectorTest {
    @ParameterizedTest
    @ValueSource(strings = {"SSN 123-45-6789 on file", "ssn: 536 22 1234", "id 078-05-1120.", "853-37-1694"})
    void finds_validDashedOrSpacedNumbers(String text) {
        assertThat(Scans.found(FindingType.US_SSN, text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "000-12-3456", // area 000
                "666-12-3456", // area 666
                "900-12-3456", // area 9xx
                "987-65-4321", // area 9xx
                "123-00-4567", // group 00
                "123-45-0000", // serial 0000
                "111-11-1111", // one repeated digit
                "123456789", // no separator
                "123-45 6789", // mixed separators
                "1123-45-6789", // longer area
                "123-45-67890", // longer serial
                "9-123-45-6789", // tail of a longer number
                "123-45-6789-1", // head of a longer number
                "A123-45-6789" // inside a word
            })
    void ignores_invalidOrEmbeddedNumbers(String text) {
        assertThat(Scans.found(FindingType.US_SSN, text)).isEmpty();
    }

    @Test
    void contextWord_raisesConfidence() {
        double plain =
                Scans.findings(FindingType.US_SSN, "id 123-45-6789").get(0).confidence();
        double labelled =
                Scans.findings(FindingType.US_SSN, "SSN 123-45-6789").get(0).confidence();
        double spelled = Scans.findings(FindingType.US_SSN, "social security number: 123-45-6789")
                .get(0)
                .confidence();
        assertThat(labelled).isGreaterThan(plain);
        assertThat(spelled).isEqualTo(labelled);
    }

    @Test
    void referenceContext_dropsTheNumberBelowTheThreshold() {
        assertThat(Scans.found(FindingType.US_SSN, "order 123-45-6789 shipped")).isEmpty();
        assertThat(Scans.found(FindingType.US_SSN, "invoice #123-45-6789")).isEmpty();
    }

    @Test
    void span_coversExactlyTheNumber() {
        String text = "Here's my SSN: 460-89-9847.";
        Finding f = Scans.findings(FindingType.US_SSN, text).get(0);
        assertThat(f.text(text)).isEqualTo("460-89-9847");
        assertThat(f.detail()).isEqualTo("us_ssn");
    }
}
