package dev.arbiter.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operand of {@code equals}, {@code not_equals}, {@code in} and {@code not_in}, precompiled for lookup.
 *
 * <p>Equality rule: when one side is a JSON number and the other is numeric (a number or a numeric string), they
 * compare as numbers ({@code 5 == "5.0"}); otherwise their {@linkplain Scalars#stringify text forms} compare exactly
 * and case-sensitively ({@code true == "true"}, {@code "5" != "5.0"}). Immutable and thread-safe.
 */
final class EqualitySet {
    private final Set<String> texts;
    private final Number[] numbers;
    private final double[] numericTexts;

    EqualitySet(List<?> values) {
        Set<String> textSet = new HashSet<>();
        List<Number> numberList = new ArrayList<>();
        List<Double> numericTextList = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Number number) {
                numberList.add(number);
            } else {
                String text = Scalars.stringify(value);
                textSet.add(text);
                if (Scalars.isNumberText(text)) {
                    numericTextList.add(Double.parseDouble(text));
                }
            }
        }
        this.texts = Set.copyOf(textSet);
        this.numbers = numberList.toArray(Number[]::new);
        this.numericTexts =
                numericTextList.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** True when {@code value} (non-null) equals one of the operands. */
    boolean contains(Object value) {
        if (value instanceof Number number && Scalars.isNumeric(number)) {
            return containsNumber(number);
        }
        String text = Scalars.stringify(value);
        if (texts.contains(text)) {
            return true;
        }
        if (numbers.length > 0 && Scalars.isNumberText(text)) {
            double parsed = Double.parseDouble(text);
            for (Number candidate : numbers) {
                if (candidate.doubleValue() == parsed) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean containsNumber(Number value) {
        for (Number candidate : numbers) {
            if (Scalars.numericallyEqual(value, candidate)) {
                return true;
            }
        }
        double d = value.doubleValue();
        for (double candidate : numericTexts) {
            if (candidate == d) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact context texts that can equal an operand, when that set is finite and known: only when no operand
     * is numeric (numbers match many spellings). Used by the policy index; {@code null} when not indexable.
     */
    Set<String> indexKeys() {
        return numbers.length == 0 && numericTexts.length == 0 ? texts : null;
    }
}
