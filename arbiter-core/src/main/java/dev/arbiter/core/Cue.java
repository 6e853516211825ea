package dev.arbiter.core;

/**
 * The keywords detectors look for, found for all detectors in one pass over the text.
 *
 * <p>A cue is either a trigger (a detector runs its check only where its cue occurs, e.g. {@code "union"} for
 * UNION-based SQL injection) or a context word that moves a finding's confidence (e.g. {@code "ssn"} near a
 * nine-digit number). Cues are ASCII and matched case-insensitively; {@link Edge} says which ends must sit on a
 * word boundary. Keeping the whole vocabulary in one place lets {@link CueAutomaton} find every cue of every
 * detector with one scan, which is what keeps the scanner near the speed of a plain character loop.
 */
enum Cue {
    // Context words: PII.
    SSN("ssn", Edge.WORD),
    SOCIAL_SECURITY("social security", Edge.START),
    CARD("card", Edge.START),
    CREDIT("credit", Edge.START),
    CC("cc", Edge.WORD),
    VISA("visa", Edge.WORD),
    MASTERCARD("mastercard", Edge.WORD),
    AMEX("amex", Edge.WORD),
    PHONE("phone", Edge.START),
    TELEPHONE("telephone", Edge.WORD),
    TEL("tel", Edge.WORD),
    MOBILE("mobile", Edge.START),
    CELL("cell", Edge.WORD),
    FAX("fax", Edge.WORD),
    CALL("call", Edge.START),
    CONTACT("contact", Edge.START),
    WHATSAPP("whatsapp", Edge.WORD),
    OFFICE("office", Edge.WORD),
    AADHAAR("aadhaar", Edge.START),
    AADHAR("aadhar", Edge.START),
    UIDAI("uidai", Edge.WORD),
    UID("uid", Edge.WORD),
    PAN("pan", Edge.WORD),
    PERMANENT_ACCOUNT("permanent account", Edge.START),
    IBAN("iban", Edge.START),
    // Context words that make a number look like a reference rather than personal data.
    ORDER("order", Edge.START),
    INVOICE("invoice", Edge.START),
    REF("ref", Edge.START),
    TRACKING("tracking", Edge.START),
    SERIAL("serial", Edge.START),
    // Labels for dates of birth.
    DOB("dob", Edge.WORD),
    DOB_DOTTED("d.o.b", Edge.START),
    DATE_OF_BIRTH("date of birth", Edge.START),
    BIRTH_DATE("birth date", Edge.START),
    BIRTHDATE("birthdate", Edge.START),
    BIRTHDAY("birthday", Edge.START),
    BORN("born", Edge.WORD),
    // Secrets.
    AKIA("akia", Edge.START),
    ASIA("asia", Edge.START),
    AIZA("aiza", Edge.START),
    GHP("ghp_", Edge.START),
    GHO("gho_", Edge.START),
    GHU("ghu_", Edge.START),
    GHS("ghs_", Edge.START),
    GHR("ghr_", Edge.START),
    GITHUB_PAT("github_pat_", Edge.START),
    GLPAT("glpat-", Edge.START),
    XOX("xox", Edge.START),
    SK_LIVE("sk_live_", Edge.START),
    RK_LIVE("rk_live_", Edge.START),
    PEM_BEGIN("-----begin ", Edge.NONE),
    JWT("eyj", Edge.START),
    BEARER("bearer", Edge.WORD),
    PASS("pass", Edge.NONE),
    PWD("pwd", Edge.END),
    SECRET("secret", Edge.END),
    TOKEN("token", Edge.END),
    KEY("key", Edge.END),
    // SQL injection.
    UNION("union", Edge.WORD),
    OR("or", Edge.WORD),
    AND("and", Edge.WORD),
    SLEEP("sleep", Edge.END),
    WAITFOR("waitfor", Edge.WORD),
    BENCHMARK("benchmark", Edge.WORD),
    EXTRACTVALUE("extractvalue", Edge.WORD),
    UPDATEXML("updatexml", Edge.WORD),
    CONVERT("convert", Edge.WORD),
    DROP("drop", Edge.WORD),
    DELETE("delete", Edge.WORD),
    UPDATE("update", Edge.WORD),
    INSERT("insert", Edge.WORD),
    EXEC("exec", Edge.START),
    SHUTDOWN("shutdown", Edge.WORD),
    TRUNCATE("truncate", Edge.WORD),
    ALTER("alter", Edge.WORD),
    GRANT("grant", Edge.WORD),
    REVOKE("revoke", Edge.WORD),
    CREATE("create", Edge.WORD),
    SELECT("select", Edge.WORD),
    DASH_DASH("--", Edge.NONE),
    SLASH_STAR("/*", Edge.NONE),
    HASH("#", Edge.NONE),
    INFORMATION_SCHEMA("information_schema", Edge.NONE),
    LOAD_FILE("load_file", Edge.WORD),
    OUTFILE("outfile", Edge.WORD),
    DUMPFILE("dumpfile", Edge.WORD),
    HEX("0x", Edge.START),
    CHAR("char", Edge.WORD),
    CHR("chr", Edge.WORD),
    CONCAT("concat", Edge.START),
    XP_CMDSHELL("xp_cmdshell", Edge.WORD),
    SYSOBJECTS("sysobjects", Edge.WORD),
    SYS_DOT("sys.", Edge.START),
    PG_SHADOW("pg_shadow", Edge.WORD),
    PG_USER("pg_user", Edge.WORD),
    MYSQL_USER("mysql.user", Edge.WORD),
    SQLITE_MASTER("sqlite_master", Edge.WORD),
    // Dangerous shell commands.
    RM("rm", Edge.WORD),
    DEV_TCP("/dev/tcp/", Edge.NONE),
    DEV_UDP("/dev/udp/", Edge.NONE),
    NC("nc", Edge.WORD),
    NCAT("ncat", Edge.WORD),
    NETCAT("netcat", Edge.WORD),
    SOCAT("socat", Edge.WORD),
    CURL("curl", Edge.WORD),
    WGET("wget", Edge.WORD),
    CHMOD("chmod", Edge.WORD),
    FORK_BOMB(":()", Edge.NONE),
    MKFS("mkfs", Edge.START),
    DD("dd", Edge.WORD),
    METADATA_IP("169.254.169.254", Edge.WORD),
    METADATA_GOOGLE("metadata.google.internal", Edge.WORD),
    DOT_DOT_SLASH("../", Edge.NONE),
    DOT_DOT_BACKSLASH("..\\", Edge.NONE),
    ENCODED_DOT_DOT("%2e%2e", Edge.NONE),
    ETC_PASSWD("/etc/passwd", Edge.END),
    ETC_SHADOW("/etc/shadow", Edge.END),
    PROC_SELF("/proc/self/", Edge.NONE),
    SSH_DIR("/.ssh/", Edge.NONE),
    AWS_CREDENTIALS("/.aws/credentials", Edge.END);

    /** Which ends of a cue must not touch a letter, digit or underscore. */
    enum Edge {
        NONE,
        START,
        END,
        WORD
    }

    private final String word;
    private final Edge edge;

    Cue(String word, Edge edge) {
        this.word = word;
        this.edge = edge;
    }

    /** The lower-case ASCII keyword. */
    String word() {
        return word;
    }

    Edge edge() {
        return edge;
    }
}
