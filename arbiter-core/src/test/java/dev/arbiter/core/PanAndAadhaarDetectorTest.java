package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** India's PAN and Aadhaar numbers; the benchmark corpus has neither, so these cases are the hand-made set. */
class PanAndAadhaarDetectorTest {
    @ParameterizedTest
    @ValueSource(strings = {"ABCPE1234F", "AAACB1234K", "BNZPM2501F", "AFFHT9876Q"})
    void pan_findsEachHolderType(String pan) {
        assertThat(Scans.found(FindingType.INDIA_PAN, "PAN: " + pan + ".")).containsExactly(pan);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ABCDE1234F", // fourth letter D is no holder type
                "ABCP1234F", // four letters
                "ABCPE12345F", // five digits
                "abcpe1234f", // lower case
                "XABCPE1234F", // inside a longer token
                "ABCPE1234F9"
            })
    void pan_ignoresWrongShapes(String text) {
        assertThat(Scans.found(FindingType.INDIA_PAN, text)).isEmpty();
    }

    @Test
    void pan_contextRaisesConfidence() {
        double plain =
                Scans.findings(FindingType.INDIA_PAN, "ABCPE1234F").get(0).confidence();
        double labelled =
                Scans.findings(FindingType.INDIA_PAN, "PAN ABCPE1234F").get(0).confidence();
        assertThat(labelled).isGreaterThan(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2345 6789 0124", "2345-6789-0124", "234567890124"})
    void aadhaar_findsVerhoeffValidNumbers(String number) {
        assertThat(Scans.found(FindingType.AADHAAR, "Aadhaar " + number)).containsExactly(number);
    }

    @Test
    void aadhaar_generatedNumbersAreFoundAndBrokenOnesAreNot() {
        for (String body : new String[] {"49187263540", "83726150493", "56473829102", "91827364550"}) {
            String valid = body + checkDigit(body);
            String broken = body + ((checkDigit(body) + 1) % 10);
            assertThat(Scans.found(FindingType.AADHAAR, "uid " + valid)).containsExactly(valid);
            assertThat(Scans.found(FindingType.AADHAAR, "uid " + broken)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2345 6789 0125", // Verhoeff fails
                "1234 5678 9012", // first digit 1
                "2345 6789 0124 5678", // part of a longer spaced number
                "2345-6789 0124", // mixed separators
                "92345678901245" // longer run
            })
    void aadhaar_ignoresNearMisses(String text) {
        assertThat(Scans.found(FindingType.AADHAAR, text)).isEmpty();
    }

    @Test
    void aadhaar_palindromeIsRejectedEvenWithValidCheckDigit() {
        String palindrome = null;
        for (int a = 2; a <= 9 && palindrome == null; a++) {
            for (int b = 0; b <= 9 && palindrome == null; b++) {
                String half = "" + a + b + "3" + b + "5" + a;
                String candidate = half + new StringBuilder(half).reverse();
                if (Verhoeff.isValid(candidate.chars().map(c -> c - '0').toArray())) {
                    palindrome = candidate;
                }
            }
        }
        assertThat(palindrome).as("a Verhoeff-valid palindrome").isNotNull();
        assertThat(AadhaarDetector.isValid(palindrome, 0, 12)).isFalse();
        assertThat(Scans.found(FindingType.AADHAAR, "aadhaar " + palindrome)).isEmpty();
    }

    /** The Verhoeff check digit that makes {@code body + digit} valid. */
    private static int checkDigit(String body) {
        for (int d = 0; d <= 9; d++) {
            int[] digits = (body + d).chars().map(c -> c - '0').toArray();
            if (Verhoeff.isValid(digits)) {
                return d;
            }
        }
        throw new AssertionError("Verhoeff has a check digit for every body");
    }
}
