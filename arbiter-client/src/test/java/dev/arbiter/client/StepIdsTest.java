package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Deterministic step ids: slug plus a per-slug counter, completions matching their gate. */
class StepIdsTest {
    private final StepIds ids = new StepIds();

    @Test
    void slug_lowercasesAndReplacesSpacesAndSlashes() {
        assertThat(StepIds.slug("Generate Code")).isEqualTo("generate-code");
        assertThat(StepIds.slug("tools/web_search")).isEqualTo("tools-web_search");
    }

    @Test
    void next_countsPerName_fromOne() {
        assertThat(ids.next("plan_research")).isEqualTo("step-1-plan_research");
        assertThat(ids.next("search")).isEqualTo("step-1-search");
        assertThat(ids.next("plan_research")).isEqualTo("step-2-plan_research");
    }

    @Test
    void namesWithTheSameSlug_neverShareAnId() {
        assertThat(ids.next("Generate Code")).isEqualTo("step-1-generate-code");
        assertThat(ids.next("generate code")).isEqualTo("step-2-generate-code");

        assertThat(ids.latest("Generate Code")).contains("step-1-generate-code");
        assertThat(ids.latest("generate code")).contains("step-2-generate-code");
    }

    @Test
    void latest_matchesTheNamesMostRecentGate() {
        ids.next("summarize");
        ids.next("summarize");

        assertThat(ids.latest("summarize")).contains("step-2-summarize");
        assertThat(ids.latest("never")).isEmpty();
    }

    @Test
    void sameSequence_sameIds() {
        StepIds other = new StepIds();
        for (String name : new String[] {"a", "b", "a", "tools/x"}) {
            assertThat(other.next(name)).isEqualTo(ids.next(name));
        }
    }

    @Test
    void blankName_isRejected() {
        assertThatThrownBy(() -> ids.next(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
