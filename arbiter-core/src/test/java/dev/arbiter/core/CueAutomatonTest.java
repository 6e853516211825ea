package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueAutomatonTest {
    @Test
    void scan_findsEveryCueWordInOnePass() {
        for (Cue cue : Cue.values()) {
            String text = " " + cue.word() + " ";
            List<String> hits = new ArrayList<>();
            CueAutomaton.instance().scan(text.toCharArray(), (c, start) -> hits.add(c + "@" + start));
            assertThat(hits).as(cue.word()).contains(cue + "@1");
        }
    }

    @Test
    void scan_isCaseInsensitiveAndFindsOverlappingCues() {
        List<String> hits = new ArrayList<>();
        CueAutomaton.instance().scan("UNION Select DOB".toCharArray(), (c, start) -> hits.add(c + "@" + start));
        assertThat(hits).contains("UNION@0", "SELECT@6", "DOB@13");
        List<String> nested = new ArrayList<>();
        CueAutomaton.instance().scan("password".toCharArray(), (c, start) -> nested.add(c + "@" + start));
        assertThat(nested).contains("PASS@0");
    }

    @Test
    void scanText_respectsWordEdges() {
        ScanText text = ScanText.of("ssn: x, classnames, unionize, the union, Secret_key");
        assertThat(text.hitCount(Cue.SSN)).isEqualTo(1);
        assertThat(text.hitCount(Cue.UNION)).isEqualTo(1);
        assertThat(text.hit(Cue.UNION, 0)).isEqualTo("ssn: x, classnames, unionize, the ".length());
        assertThat(text.hitCount(Cue.SECRET)).isZero();
        assertThat(text.hitCount(Cue.KEY)).isEqualTo(1);
    }

    @Test
    void scanText_nonAsciiTextResetsTheAutomaton() {
        ScanText text = ScanText.of("uni\u00f3n union sélect select");
        assertThat(text.hitCount(Cue.UNION)).isEqualTo(1);
        assertThat(text.hitCount(Cue.SELECT)).isEqualTo(1);
    }

    @Test
    void scanText_cueWithinLooksInTheGivenRangeOnly() {
        ScanText text = ScanText.of("my ssn is 123-45-6789");
        assertThat(text.cueWithin(0, 10, Cue.SSN)).isTrue();
        assertThat(text.cueWithin(4, 10, Cue.SSN)).isFalse();
        assertThat(text.cueWithin(-50, 2, Cue.SSN)).isFalse();
    }
}
