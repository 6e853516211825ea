package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetectorTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111 1111 1111 1111", // Visa, spaced
                "4111-1111-1111-1111", // Visa, dashed
                "4111111111111111", // Visa, plain
                "4222222222222", // Visa, 13 digits
                "5500 0000 0000 0004", // Mastercard
                "2221000000000009", // Mastercard 2-series
                "3782 822463 10005", // Amex 4-6-5
                "6011111111111117", // Discover
                "3530111333300000", // JCB
                "30569309025904", // Diners, 14 digits
                "4131034282458809939" // Visa, 19 digits
            })
    void finds_luhnValidNumbersOfKnownIssuers(String number) {
        String text = "pay with " + number + ", thanks";
        assertThat(Scans.found(FindingType.CREDIT_CARD, text)).containsExactly(number);
    }

    @Test
    void finds_twelveDigitMaestroNextToCardWords() {
        assertThat(Scans.found(FindingType.CREDIT_CARD, "What is the limit for card 501864667909?"))
                .containsExactly("501864667909");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111 1111 1111 1112", // Luhn fails
                "1234567812345670", // Luhn passes, no issuer starts with 1
                "41111111111111111111", // 20 digits
                "ID-4111111111111111-7", // glued to more digits by a dash
                "123.4111111111111111", // glued to more digits by a dot
                "4111-1111 1111-1111", // mixed separators
                "x4111111111111111" // inside a word
            })
    void ignores_nearMisses(String text) {
        assertThat(Scans.found(FindingType.CREDIT_CARD, text)).isEmpty();
    }

    @Test
    void ignores_equalGroupsOfALongerSpacedNumber() {
        assertThat(Scans.found(FindingType.CREDIT_CARD, "1234 5678 9012 3456 7890 1234"))
                .isEmpty();
    }

    @Test
    void orderContext_dropsTheNumber() {
        assertThat(Scans.found(FindingType.CREDIT_CARD, "order no 4111111111111111"))
                .isEmpty();
    }

    @Test
    void luhn_acceptsValidAndRejectsChangedDigit() {
        int[] valid = {7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3};
        assertThat(CardDetector.luhn(valid, valid.length)).isTrue();
        valid[10] = 4;
        assertThat(CardDetector.luhn(valid, valid.length)).isFalse();
    }
}
