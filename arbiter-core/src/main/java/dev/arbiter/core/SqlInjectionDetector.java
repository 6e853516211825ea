package dev.arbiter.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SQL injection and destructive SQL.
 *
 * <p>When the whole text is a SQL statement that JSqlParser accepts, its parse tree decides
 * ({@link SqlStatements}): a plain read query is fine, while stacked statements, DDL, writes without {@code WHERE},
 * always-true {@code OR} branches and {@code UNION} are reported at the keyword that carries them. Otherwise the
 * text is treated as a fragment (a tool argument, a form value) and searched for the injection families of
 * AxonFlow's {@code security-sqli} policies. Time-based, error-based, file and system-catalog tricks are reported
 * in both cases: they are suspicious even in a well-formed query.
 */
final class SqlInjectionDetector implements Detector {
    private static final List<CuePattern> ALWAYS = List.of(
            CuePattern.of(Cue.SLEEP, "(?i)sleep\\s*\\(\\s*\\d", "time_based"),
            CuePattern.of(Cue.WAITFOR, "(?i)waitfor\\s+(?:delay|time)\\s+'", "time_based"),
            CuePattern.of(Cue.BENCHMARK, "(?i)benchmark\\s*\\(\\s*\\d+\\s*,", "time_based"),
            CuePattern.of(Cue.EXTRACTVALUE, "(?i)extractvalue\\s*\\(", "error_based"),
            CuePattern.of(Cue.UPDATEXML, "(?i)updatexml\\s*\\(", "error_based"),
            CuePattern.of(Cue.CONVERT, "(?i)convert\\s*\\(\\s*int\\s*,", "error_based"),
            CuePattern.of(Cue.INFORMATION_SCHEMA, "(?i)information_schema", "information_schema"),
            CuePattern.of(Cue.SYSOBJECTS, "(?i)sysobjects", "system_tables"),
            CuePattern.of(
                    Cue.SYS_DOT,
                    "(?i)sys\\.(?:objects|tables|columns|databases|sysobjects|syslogins|sql_logins|server_principals)",
                    "system_tables"),
            CuePattern.of(Cue.PG_SHADOW, "(?i)pg_shadow", "system_tables"),
            CuePattern.of(Cue.PG_USER, "(?i)pg_user", "system_tables"),
            CuePattern.of(Cue.MYSQL_USER, "(?i)mysql\\.user", "system_tables"),
            CuePattern.of(Cue.SQLITE_MASTER, "(?i)sqlite_master", "system_tables"),
            CuePattern.of(Cue.LOAD_FILE, "(?i)load_file\\s*\\(", "file_access"),
            CuePattern.of(Cue.OUTFILE, "(?i)outfile\\s+['\"]", "file_access"),
            CuePattern.of(Cue.DUMPFILE, "(?i)dumpfile\\s+['\"]", "file_access"),
            CuePattern.of(Cue.XP_CMDSHELL, "(?i)xp_cmdshell", "command_execution"),
            CuePattern.of(Cue.CHAR, "(?i)char\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)+\\)", "char_encoding"),
            CuePattern.of(Cue.CHR, "(?i)chr\\s*\\(\\s*\\d+\\s*\\)\\s*(?:\\|\\||\\+)", "char_encoding"));
    private static final List<CuePattern> FRAGMENT = List.of(
            CuePattern.of(
                    Cue.UNION,
                    "(?i)union(?:\\s+|\\s*/\\*[^*]{0,64}\\*/\\s*)(?:all\\s+|distinct\\s+)?(?:\\(\\s*)?select\\b",
                    "union_select"),
            CuePattern.of(Cue.DROP, "(?i)drop\\s+(?:table|database|schema)\\s+[\\w.`\"]+", "drop"),
            CuePattern.of(Cue.TRUNCATE, "(?i)truncate\\s+table\\s+[\\w.`\"]+", "truncate"),
            CuePattern.of(Cue.ALTER, "(?i)alter\\s+table\\s+[\\w.`\"]+", "alter"),
            CuePattern.of(Cue.DELETE, "(?i)(delete\\s+from\\s+[\\w.`\"]+)\\s*(?:;|--|#|$)", "delete_without_where"),
            CuePattern.of(Cue.CREATE, "(?i)create\\s+(?:user|login)\\s+[\\w'\"@.%]+", "create_user"),
            CuePattern.of(
                    Cue.GRANT,
                    "(?i)grant\\s+(?:all(?:\\s+privileges)?|select|insert|update|delete|execute|usage|alter|create|drop"
                            + "|dba|superuser|sysadmin)\\b[^;\\n]{0,80}?\\b(?:on|to)\\b",
                    "grant"),
            CuePattern.of(
                    Cue.REVOKE,
                    "(?i)revoke\\s+(?:all(?:\\s+privileges)?|select|insert|update|delete|execute|usage|alter|create|drop)"
                            + "\\b[^;\\n]{0,80}?\\b(?:on|from)\\b",
                    "revoke"),
            CuePattern.of(Cue.CONCAT, "(?i)concat(?:_ws)?\\s*\\([^)]{0,100}?\\bselect\\b", "concat_select"),
            CuePattern.of(Cue.SLASH_STAR, "/\\*!\\d{0,6}", "comment_injection"),
            CuePattern.of(
                    Cue.SLASH_STAR,
                    "(?i)/\\*[^*]{0,64}\\*/\\s*(?:select|union|from|where|and|or)\\b",
                    "comment_injection"));

    @Override
    public FindingType type() {
        return FindingType.SQL_INJECTION;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        CuePattern.findAll(text, ALWAYS, FindingType.SQL_INJECTION, 0.85, out);
        Optional<Set<SqlStatements.Risk>> risks =
                SqlStatements.isPlausible(text.text()) ? SqlStatements.risks(text.text()) : Optional.empty();
        if (risks.isPresent()) {
            risks.get().forEach(risk -> report(text, risk, out));
            return;
        }
        CuePattern.findAll(text, FRAGMENT, FindingType.SQL_INJECTION, 0.85, out);
        SqlTautology.find(text, out);
        SqlFragments.findStacked(text, out);
        SqlFragments.findCommentedQuote(text, out);
        SqlFragments.findHexLiterals(text, out);
    }

    /** Reports a structural risk at the keyword that carries it. */
    private static void report(ScanText text, SqlStatements.Risk risk, List<Finding> out) {
        double confidence = risk == SqlStatements.Risk.UNION_SELECT ? 0.6 : 0.9;
        int[] span = SqlFragments.locate(text, risk);
        out.add(new Finding(FindingType.SQL_INJECTION, span[0], span[1], confidence, risk.detail()));
    }
}
