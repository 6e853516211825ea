package dev.arbiter.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyIdsTest {
    @Test
    void parse_acceptsOnlyCanonicalUuids() {
        UUID id = UUID.randomUUID();
        assertThat(PolicyIds.parse(id.toString())).isEqualTo(id);
        for (String bad : new String[] {"1-2-3-4-5", "nope", "", id + "x"}) {
            assertThatThrownBy(() -> PolicyIds.parse(bad))
                    .isInstanceOf(PolicyApiException.class)
                    .hasMessage("Invalid policy ID format");
        }
    }
}
