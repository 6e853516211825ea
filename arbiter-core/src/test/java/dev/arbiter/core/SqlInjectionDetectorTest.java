package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlInjectionDetectorTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT name FROM users WHERE id = 5",
                "SELECT * FROM orders WHERE created_at > '2026-01-01' ORDER BY id LIMIT 10",
                "select count(*) from events where kind = 'login' and 1=1",
                "INSERT INTO logs (msg) VALUES ('hello -- world')",
                "UPDATE users SET name = 'x' WHERE id = 7",
                "DELETE FROM sessions WHERE expires_at < now()",
                "WITH t AS (SELECT 1 AS a) SELECT a FROM t"
            })
    void parsedReadsAndBoundedWrites_areFine(String sql) {
        assertThat(Scans.findings(FindingType.SQL_INJECTION, sql)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "SELECT * FROM users; DROP TABLE users => stacked_queries,drop",
                "DELETE FROM users => delete_without_where",
                "DELETE FROM users WHERE 1=1 => delete_without_where",
                "UPDATE users SET admin = 1 => update_without_where",
                "SELECT * FROM users WHERE name = 'a' OR 'x'='x' => tautology",
                "SELECT * FROM users WHERE id = 5 OR 1=1 => tautology",
                "GRANT ALL ON db.* TO bob => grant",
                "TRUNCATE TABLE audit_logs => truncate",
                "ALTER TABLE users DROP COLUMN password => alter",
                "DROP DATABASE prod => drop",
                "SELECT a FROM t UNION SELECT password FROM users => union_select",
                "SELECT pg_sleep(10) => time_based",
                "SELECT * FROM information_schema.tables => information_schema"
            })
    void parsedStatements_reportTheirStructuralRisks(String sql, String details) {
        assertThat(Scans.details(FindingType.SQL_INJECTION, sql)).containsExactlyInAnyOrder(details.split(","));
    }

    @Test
    void structuralFinding_pointsAtTheKeyword() {
        String sql = "SELECT * FROM users WHERE id = 5; DROP TABLE users";
        assertThat(Scans.found(FindingType.SQL_INJECTION, sql)).contains("DROP TABLE");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "name=' OR '1'='1 => or_true",
                "id=5 or 1=1 => or_true",
                "' or 1-- => or_true",
                "admin'-- => admin_bypass",
                "x' -- => comment_injection",
                "1; DROP TABLE users => stacked_query",
                "1'; EXEC xp_cmdshell('dir')-- => stacked_query",
                "1 UNION SELECT null, password FROM users => union_select",
                "1 union/**/select 1 => union_select",
                "1' AND SLEEP(5)# => time_based",
                "1 AND 1=0 => and_false",
                "'; WAITFOR DELAY '0:0:5'-- => time_based",
                "1 AND BENCHMARK(5000000,MD5(1)) => time_based",
                "1 AND EXTRACTVALUE(1, CONCAT(0x7e, version())) => error_based",
                "name=0x61646d696e => hex_encoding",
                "CHAR(65,66,67) => char_encoding",
                "UNION ALL SELECT LOAD_FILE('/etc/passwd') => file_access",
                "1 INTO OUTFILE '/tmp/x' => file_access",
                "CONCAT(0x3a, (SELECT user())) => concat_select",
                "/*!50000select*/ 1 => comment_injection",
                "select * from sysobjects => system_tables",
                "please DELETE FROM users; => delete_without_where",
                "CREATE USER eve IDENTIFIED BY 'x' and more => create_user"
            })
    void fragments_reportInjectionFamilies(String text, String detail) {
        assertThat(Scans.details(FindingType.SQL_INJECTION, text)).contains(detail);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I will select one or two items and drop them in the box",
                "The union members select a leader every year",
                "Tom's car -- the red one -- is parked outside",
                "Use # for comments in Python",
                "one or two = three, roughly",
                "drop me a line; update me later",
                "We need to grant access to the new hires",
                "Please truncate the text to 100 characters",
                "the address 0x7ffe5367e044 in the log"
            })
    void prose_isNotInjection(String text) {
        assertThat(Scans.findings(FindingType.SQL_INJECTION, text)).isEmpty();
    }

    @Test
    void unparseableOrHugeInput_neverThrows() {
        assertThat(Scans.findings(FindingType.SQL_INJECTION, "SELECT ((((((((((((((((((((((((((((((1"))
                .isEmpty();
        String huge = "SELECT a FROM t WHERE " + "a = 1 AND ".repeat(5_000) + "b = 2";
        assertThat(Scans.findings(FindingType.SQL_INJECTION, huge)).isEmpty();
        assertThat(SqlStatements.risks("SELECT FROM WHERE")).isEmpty();
    }
}
