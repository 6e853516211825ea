package dev.arbiter.core;

import com.google.re2j.Pattern;

/**
 * The precompiled test an operator applies to a resolved context value; {@code null} means the field is missing.
 *
 * <p>Every test but {@link Exists} is false for a missing field, including the negated operators
 * ({@code not_equals}, {@code not_contains}, {@code not_in}), as in AxonFlow where a missing field is null and
 * the condition fails. No test throws: a value of the wrong type simply does not match.
 */
sealed interface ValueTest {
    boolean test(Object value);

    /** {@code equals} and {@code in}. */
    record Equal(EqualitySet operands) implements ValueTest {
        @Override
        public boolean test(Object value) {
            return value != null && operands.contains(value);
        }
    }

    /** {@code not_equals}, {@code not_contains}, {@code not_in}: present, and the positive test fails. */
    record Not(ValueTest positive) implements ValueTest {
        @Override
        public boolean test(Object value) {
            return value != null && !positive.test(value);
        }
    }

    /** {@code contains}: case-insensitive substring of the value's text form. */
    record Contains(String needle) implements ValueTest {
        @Override
        public boolean test(Object value) {
            return value != null && Scalars.containsIgnoreCase(Scalars.stringify(value), needle);
        }
    }

    /** {@code contains_any}: {@link Contains} for any of the needles. */
    record ContainsAny(String[] needles) implements ValueTest {
        @Override
        public boolean test(Object value) {
            if (value == null) {
                return false;
            }
            String text = Scalars.stringify(value);
            for (String needle : needles) {
                if (Scalars.containsIgnoreCase(text, needle)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code regex}: RE2J, unanchored ({@code find}), case-sensitive unless the pattern says {@code (?i)}. */
    record Regex(Pattern pattern) implements ValueTest {
        @Override
        public boolean test(Object value) {
            return value != null && pattern.matcher(Scalars.stringify(value)).find();
        }
    }

    /** {@code greater_than} and {@code less_than}: numbers and numeric strings only. */
    record Compare(double bound, boolean greater) implements ValueTest {
        @Override
        public boolean test(Object value) {
            if (value == null || !Scalars.isNumeric(value)) {
                return false;
            }
            double d = Scalars.toDouble(value);
            return greater ? d > bound : d < bound;
        }
    }

    /** {@code exists}: the field is present (non-null) when {@code expected} is true, missing when false. */
    record Exists(boolean expected) implements ValueTest {
        @Override
        public boolean test(Object value) {
            return (value != null) == expected;
        }
    }
}
