package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefilterTest {
    @Test
    void groups_areAllRequiredAndLiteralsAnyOf() {
        Prefilter prefilter = Prefilter.parse(List.of("\\bdrop, truncate", ";"), "");
        assertThat(prefilter.admits(new Prefilter.Subject("1; DROP TABLE x"))).isTrue();
        assertThat(prefilter.admits(new Prefilter.Subject("1; Truncate"))).isTrue();
        assertThat(prefilter.admits(new Prefilter.Subject("DROP TABLE x"))).isFalse();
        assertThat(prefilter.admits(new Prefilter.Subject("1; backdrop"))).isFalse();
    }

    @Test
    void wordStartHint_skipsOccurrencesInsideWords() {
        Prefilter prefilter = Prefilter.parse(List.of("\\bnc"), "");
        assertThat(prefilter.admits(new Prefilter.Subject("once since"))).isFalse();
        assertThat(prefilter.admits(new Prefilter.Subject("once, then nc -e /bin/sh")))
                .isTrue();
    }

    @Test
    void minDigits_needsALongEnoughRun() {
        Prefilter prefilter = Prefilter.parse(List.of(), "7");
        assertThat(prefilter.admits(new Prefilter.Subject("S123456D and 12 34 56 78")))
                .isFalse();
        assertThat(prefilter.admits(new Prefilter.Subject("S1234567D"))).isTrue();
    }

    @Test
    void none_admitsEverything() {
        assertThat(Prefilter.NONE.admits(new Prefilter.Subject(""))).isTrue();
    }
}
