package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random texts built from the pieces detectors react to (digits, separators, {@code @}, colons, quotes, SQL and shell
 * keywords, non-ASCII and lone surrogates) never make scanning, redaction or static checks throw, and findings always
 * lie inside the text without overlapping.
 */
class RandomInputTest {
    private static final String[] PIECES = {
        "0",
        "1",
        "4",
        "9",
        "12",
        "123",
        "4111",
        " ",
        "-",
        ".",
        "/",
        "+",
        "(",
        ")",
        "@",
        ":",
        "::",
        "'",
        "\"",
        ";",
        "#",
        "--",
        "/*",
        "*/",
        "=",
        "x",
        "a",
        "Z",
        "ssn ",
        "card ",
        "call ",
        " or ",
        " and ",
        "union select ",
        "drop table ",
        "eyJ",
        "AKIA",
        "ghp_",
        "password=",
        "rm -rf /",
        "../",
        "DOB: ",
        "GB82",
        "\u00e9",
        "\u4e2d",
        "\ud83d",
        "\n",
        "\t",
        "0x",
        "1.2.3.4",
        "\u0000"
    };

    @Test
    void scanRedactAndCheck_neverThrow() {
        Random random = new Random(20261121L);
        ContentScanner scanner = ContentScanner.defaults();
        StaticPolicySet policies = StaticPolicySet.system();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            List<Finding> findings = scanner.scan(s);
            for (int f = 0; f < findings.size(); f++) {
                assertThat(findings.get(f).end()).isLessThanOrEqualTo(s.length());
                if (f > 0) {
                    assertThat(findings.get(f).start())
                            .isGreaterThanOrEqualTo(findings.get(f - 1).end());
                }
            }
            assertThat(scanner.redact(s, findings).text()).isNotNull();
            scanner.containsPii(s);
            assertThat(policies.check(s, Phase.BOTH).outcome()).isNotNull();
        }
    }
}
