package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "(415) 555-2671", // NANP with area code in parentheses
                "415-555-2671",
                "415.555.2671",
                "1-800-555-0199",
                "+44 20 7946 0958", // international
                "+1-984-182-0190",
                "+41 (0)96 471 07 95",
                "2025550143" // bare ten digits, a valid US number
            })
    void finds_usAndInternationalNumbers(String number) {
        String text = "reach us on " + number + " today";
        assertThat(Scans.found(FindingType.PHONE, text)).containsExactly(number);
    }

    @Test
    void extension_belongsToTheNumber() {
        assertThat(Scans.found(FindingType.PHONE, "Fax: 345-899-3560x4587")).containsExactly("345-899-3560x4587");
        assertThat(Scans.found(FindingType.PHONE, "desk 415-555-2671 ext. 12 please"))
                .containsExactly("415-555-2671 ext. 12");
    }

    @Test
    void nationalNumbers_needAPhoneWord() {
        assertThat(Scans.found(FindingType.PHONE, "Phone: 0490 75 40 81")).containsExactly("0490 75 40 81");
        assertThat(Scans.found(FindingType.PHONE, "28-64-66-98 office")).containsExactly("28-64-66-98");
        assertThat(Scans.found(FindingType.PHONE, "code 0490 75 40 81")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "on 2024-01-15 at 12:30:45", // date and time
                "phone 12/03/2024", // a date, even after a phone word
                "epoch 1700000000", // area code may not start with 1
                "id 1234567890",
                "version 1.2.3.4",
                "ZIP 94103",
                "555-1234", // seven digits, no label
                "card 4111111111111111"
            })
    void ignores_nonPhones(String text) {
        assertThat(Scans.found(FindingType.PHONE, text)).isEmpty();
    }

    @Test
    void phoneWord_raisesConfidence() {
        double plain =
                Scans.findings(FindingType.PHONE, "at 415-555-2671").get(0).confidence();
        double labelled =
                Scans.findings(FindingType.PHONE, "call 415-555-2671").get(0).confidence();
        assertThat(labelled).isGreaterThan(plain);
    }
}
