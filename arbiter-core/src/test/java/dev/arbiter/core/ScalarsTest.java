package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    @Test
    void stringify_writesNumbersLikeGo() {
        assertThat(Scalars.stringify(5)).isEqualTo("5");
        assertThat(Scalars.stringify(5.0)).isEqualTo("5");
        assertThat(Scalars.stringify(1.50)).isEqualTo("1.5");
        assertThat(Scalars.stringify(new BigDecimal("2.500"))).isEqualTo("2.5");
        assertThat(Scalars.stringify(-0.0)).isEqualTo("0");
        assertThat(Scalars.stringify(1e20)).isEqualTo("100000000000000000000");
        assertThat(Scalars.stringify(true)).isEqualTo("true");
    }

    @Test
    void stringify_writesContainersAsCompactJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1, "x\"y"));
        map.put("b", Map.of());

        assertThat(Scalars.stringify(map)).isEqualTo("{\"a\":[1,\"x\\\"y\"],\"b\":{}}");
    }

    @Test
    void isNumberText_acceptsPlainDecimalsOnly() {
        assertThat(List.of("0", "-1", "1.5", "1e3", "-2.5E-3", "007")).allMatch(Scalars::isNumberText);
        assertThat(List.of("", "-", "1.", ".5", " 1", "1 ", "1e", "0x10", "NaN", "Infinity", "1e999", "+1"))
                .noneMatch(Scalars::isNumberText);
    }

    @Test
    void containsIgnoreCase_findsNeedlesInAnyCase() {
        assertThat(Scalars.containsIgnoreCase("Please DROP table", "drop table"))
                .isTrue();
        assertThat(Scalars.containsIgnoreCase("abc", "")).isTrue();
        assertThat(Scalars.containsIgnoreCase("ab", "abc")).isFalse();
        assertThat(Scalars.containsIgnoreCase("ÄPFEL", "äpfel")).isTrue();
        assertThat(Scalars.containsIgnoreCase("xxxy", "xy")).isTrue();
    }

    @Test
    void numericallyEqual_comparesLongsExactly() {
        assertThat(Scalars.numericallyEqual(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isFalse();
        assertThat(Scalars.numericallyEqual(3, 3.0)).isTrue();
        assertThat(Scalars.numericallyEqual("3.0", 3)).isTrue();
    }
}
