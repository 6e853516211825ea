package dev.arbiter.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds values assigned to credential-named keys: {@code password=hunter2}, {@code "api_key": "..."},
 * {@code DB_PASSWORD: s3cret}, {@code clientSecret = '...'}. The finding covers the value only, so a redacted text
 * still shows which key was set.
 *
 * <p>The key is the identifier around a {@link Cue#PASS}, {@link Cue#PWD}, {@link Cue#SECRET}, {@link Cue#TOKEN} or
 * {@link Cue#KEY} occurrence; it counts when it ends in a credential word ({@code password}, {@code secret},
 * {@code token}, or {@code key} after a qualifier such as {@code api} or {@code private}: SQL's
 * {@code PRIMARY KEY} is not a credential). Placeholders ({@code ${DB_PASS}}, {@code <password>}, {@code ****})
 * are not secrets.
 */
final class SecretAssignments {
    private static final Cue[] CUES = {Cue.PASS, Cue.PWD, Cue.SECRET, Cue.TOKEN, Cue.KEY};
    private static final int MAX_IDENTIFIER = 64;
    private static final int MAX_VALUE = 256;
    private static final Set<String> KEY_QUALIFIERS = Set.of(
            "api", "secret", "private", "access", "auth", "client", "encryption", "signing", "master", "ssh", "gpg");
    private static final Set<String> NOT_VALUES =
            Set.of("null", "none", "nil", "true", "false", "undefined", "string", "str", "required", "optional");

    private SecretAssignments() {}

    static void find(ScanText text, List<Finding> out) {
        String s = text.text();
        for (Cue cue : CUES) {
            for (int k = 0; k < text.hitCount(cue); k++) {
                int hit = text.hit(cue, k);
                int keyStart = hit;
                while (keyStart > 0 && hit - keyStart < MAX_IDENTIFIER && isKeyChar(s.charAt(keyStart - 1))) {
                    keyStart--;
                }
                int keyEnd = hit;
                while (keyEnd < s.length() && keyEnd - hit < MAX_IDENTIFIER && isKeyChar(s.charAt(keyEnd))) {
                    keyEnd++;
                }
                String kind = kind(s.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT));
                if (kind != null) {
                    assignValue(s, keyEnd, kind, out);
                }
            }
        }
    }

    /** What a key names: {@code password}, {@code token}, {@code api_key}, or null for none of them. */
    static String kind(String key) {
        if (key.endsWith("password")
                || key.endsWith("passwd")
                || key.endsWith("passphrase")
                || key.endsWith("pwd")
                || key.equals("pass")
                || key.endsWith("_pass")
                || key.endsWith("-pass")) {
            return "password";
        }
        if (key.endsWith("secret")) {
            return "api_key";
        }
        if (key.endsWith("token")) {
            return "token";
        }
        if (key.endsWith("key")) {
            String qualifier = key.substring(0, key.length() - 3);
            while (qualifier.endsWith("_") || qualifier.endsWith("-") || qualifier.endsWith(".")) {
                qualifier = qualifier.substring(0, qualifier.length() - 1);
            }
            for (String q : KEY_QUALIFIERS) {
                if (qualifier.endsWith(q)) {
                    return key.contains("secret_access") || key.contains("secretaccess") ? "aws_secret_key" : "api_key";
                }
            }
        }
        return null;
    }

    /** Reads {@code ["']? \s* (:|=|:=|=>) \s* value} after a key and reports the value. */
    private static void assignValue(String s, int keyEnd, String kind, List<Finding> out) {
        int i = keyEnd;
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            i++;
        }
        i = skipBlanks(s, i);
        if (i >= s.length() || (s.charAt(i) != ':' && s.charAt(i) != '=')) {
            return;
        }
        i++;
        if (i < s.length() && (s.charAt(i) == '=' || s.charAt(i) == '>')) {
            i++;
        }
        i = skipBlanks(s, i);
        if (i >= s.length()) {
            return;
        }
        char quote = s.charAt(i);
        boolean quoted = quote == '"' || quote == '\'';
        int start = quoted ? i + 1 : i;
        int end = start;
        while (end < s.length()
                && end - start <= MAX_VALUE
                && (quoted ? s.charAt(end) != quote : isBareValueChar(s.charAt(end)))) {
            if (s.charAt(end) == '\n') {
                return;
            }
            end++;
        }
        if (quoted && (end >= s.length() || s.charAt(end) != quote)) {
            return;
        }
        if (isSecretValue(s.substring(start, end), kind)) {
            out.add(new Finding(FindingType.SECRET, start, end, 0.8, kind));
        }
    }

    private static boolean isSecretValue(String value, String kind) {
        int min = kind.equals("password") ? 4 : 8;
        if (value.length() < min || NOT_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '$' || first == '{' || first == '<' || first == '%') {
            return false;
        }
        return !value.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.' || c == '#');
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isKeyChar(char c) {
        return ScanText.isDigit(c) || ScanText.isAsciiLetter(c) || c == '_' || c == '-' || c == '.';
    }

    private static boolean isBareValueChar(char c) {
        return !Character.isWhitespace(c)
                && c != ','
                && c != ';'
                && c != '&'
                && c != '"'
                && c != '\''
                && c != '<'
                && c != '>'
                && c != ')'
                && c != '}'
                && c != ']';
    }
}
