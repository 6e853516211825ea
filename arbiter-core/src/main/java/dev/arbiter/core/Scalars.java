package dev.arbiter.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The value rules every operator shares: how a context value is turned into text and when it counts as a number.
 *
 * <p>Numbers are written the way Go's {@code %v} writes JSON numbers ({@code 5}, not {@code 5.0}), because
 * AxonFlow compares stringified values and policies written against it must keep matching. Maps and lists are
 * written as compact JSON.
 */
final class Scalars {
    private Scalars() {}

    /** The text form of a non-null context or condition value. */
    static String stringify(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        if (value instanceof Number number) {
            return numberText(number);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            StringBuilder json = new StringBuilder();
            appendJson(json, value);
            return json.toString();
        }
        return String.valueOf(value);
    }

    /** True for finite {@link Number}s and for strings that are plain decimal numbers ({@code -1.5e3}). */
    static boolean isNumeric(Object value) {
        if (value instanceof Number number) {
            return isFinite(number);
        }
        return value instanceof String text && isNumberText(text);
    }

    /** The numeric value of something {@link #isNumeric} accepted. */
    static double toDouble(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return Double.parseDouble((String) value);
    }

    /** True when {@code a} and {@code b} are both numeric and equal as numbers. */
    static boolean numericallyEqual(Object a, Object b) {
        if (isIntegral(a) && isIntegral(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return toDouble(a) == toDouble(b);
    }

    /** Case-insensitive substring search that allocates nothing; {@code needle} may be in any case. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        int length = needle.length();
        if (length == 0) {
            return true;
        }
        char first = needle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        char firstLower = Character.toLowerCase(first);
        int last = haystack.length() - length;
        for (int i = 0; i <= last; i++) {
            char c = haystack.charAt(i);
            if ((c == firstLower || c == firstUpper || Character.toLowerCase(c) == firstLower)
                    && haystack.regionMatches(true, i, needle, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** Strict decimal grammar: optional minus, digits, optional fraction, optional exponent; no spaces. */
    static boolean isNumberText(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        int digits = skipDigits(text, i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < n && text.charAt(i) == '.') {
            int fraction = skipDigits(text, i + 1);
            if (fraction == i + 1) {
                return false;
            }
            i = fraction;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = skipDigits(text, i);
            if (exponent == i) {
                return false;
            }
            i = exponent;
        }
        return i == n && Double.isFinite(Double.parseDouble(text));
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static boolean isFinite(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        return true;
    }

    private static String numberText(Number number) {
        if (isIntegral(number) || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        double d = number.doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return plain(BigDecimal.valueOf(d));
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static void appendJson(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    appendString(out, String.valueOf(entry.getKey()));
                    out.append(':');
                    appendJson(out, entry.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    appendJson(out, list.get(i));
                }
                out.append(']');
            }
            case String text -> appendString(out, text);
            default -> out.append(stringify(value));
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
