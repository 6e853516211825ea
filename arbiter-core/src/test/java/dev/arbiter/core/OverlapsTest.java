package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapsTest {
    @Test
    void resolve_keepsDisjointFindingsSortedByStart() {
        Finding b = new Finding(FindingType.EMAIL, 20, 30, 0.9, "email");
        Finding a = new Finding(FindingType.US_SSN, 0, 11, 0.6, "us_ssn");
        assertThat(Overlaps.resolve(List.of(b, a))).containsExactly(a, b);
    }

    @Test
    void resolve_higherConfidenceWins() {
        Finding phone = new Finding(FindingType.PHONE, 0, 16, 0.85, "phone");
        Finding card = new Finding(FindingType.CREDIT_CARD, 0, 16, 0.55, "card");
        assertThat(Overlaps.resolve(List.of(card, phone))).containsExactly(phone);
    }

    @Test
    void resolve_onEqualConfidence_theMoreSpecificTypeWins() {
        Finding phone = new Finding(FindingType.PHONE, 2, 18, 0.85, "phone");
        Finding card = new Finding(FindingType.CREDIT_CARD, 0, 16, 0.85, "card");
        assertThat(Overlaps.resolve(List.of(phone, card))).containsExactly(card);
    }

    @Test
    void resolve_chainOfOverlaps_keepsEveryCompatibleFinding() {
        Finding left = new Finding(FindingType.EMAIL, 0, 10, 0.9, "email");
        Finding middle = new Finding(FindingType.PHONE, 8, 22, 0.6, "phone");
        Finding right = new Finding(FindingType.IBAN, 20, 40, 0.9, "iban");
        assertThat(Overlaps.resolve(List.of(middle, right, left))).containsExactly(left, right);
    }

    @Test
    void resolve_duplicatesCollapse() {
        Finding one = new Finding(FindingType.DATE_OF_BIRTH, 5, 15, 0.85, "date_of_birth");
        Finding same = new Finding(FindingType.DATE_OF_BIRTH, 5, 15, 0.85, "date_of_birth");
        assertThat(Overlaps.resolve(List.of(one, same))).hasSize(1);
    }
}
