package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ToolNamesTest {

    @Test
    void encode_roundTrips_awkwardNamesSorted() {
        List<String> names = List.of("zeta", "", "a\\b", "line\nfeed", "\\n", "Alpha");
        String text = ToolNames.encode(names);
        assertThat(text).isNotNull();
        assertThat(ToolNames.decode(text)).containsExactly("", "Alpha", "\\n", "a\\b", "line\nfeed", "zeta");
    }

    @Test
    void encode_keepsNoToolsApart_fromOneEmptyName() {
        assertThat(ToolNames.encode(List.of())).isEmpty();
        assertThat(ToolNames.decode("")).isEmpty();
        assertThat(ToolNames.decode(ToolNames.encode(List.of("")))).containsExactly("");
    }

    @Test
    void encode_returnsNull_beyondTheBound() {
        List<String> atBound =
                IntStream.range(0, ToolNames.MAX).mapToObj(i -> "t" + i).toList();
        assertThat(ToolNames.encode(atBound)).isNotNull();
        List<String> beyond =
                IntStream.rangeClosed(0, ToolNames.MAX).mapToObj(i -> "t" + i).toList();
        assertThat(ToolNames.encode(beyond)).isNull();
    }

    @Test
    void decode_rejects_textItDidNotWrite() {
        assertThatThrownBy(() -> ToolNames.decode("a\\x\n")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> ToolNames.decode("unterminated")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> ToolNames.decode("a\\")).isInstanceOf(StoreException.class);
    }
}
