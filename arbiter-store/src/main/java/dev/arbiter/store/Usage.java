package dev.arbiter.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Tokens and cost of a step: the estimate sent at the gate, overwritten field by field by the actuals sent
 * at completion.
 *
 * @param tokensIn input tokens, or {@code null}
 * @param tokensOut output tokens, or {@code null}
 * @param costUsd cost in US dollars, or {@code null}
 */
public record Usage(
        @Nullable Long tokensIn,
        @Nullable Long tokensOut,
        @Nullable BigDecimal costUsd) {
    /** The largest cost the {@code NUMERIC(20,8)} column holds. */
    public static final BigDecimal MAX_COST = new BigDecimal("999999999999.99999999");

    /** Nothing known. */
    public static final Usage NONE = new Usage(null, null, null);

    public Usage {
        if ((tokensIn != null && tokensIn < 0) || (tokensOut != null && tokensOut < 0)) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        if (costUsd != null && (costUsd.signum() < 0 || costUsd.compareTo(MAX_COST) > 0)) {
            throw new IllegalArgumentException("cost_usd must be within 0.." + MAX_COST.toPlainString());
        }
        if (costUsd != null) {
            // The column keeps 8 decimals; normalising here makes a stored value equal to the one written.
            BigDecimal scaled = costUsd.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
            costUsd = scaled.scale() < 0 ? scaled.setScale(0) : scaled;
        }
    }

    /** This usage with every field that {@code update} sets replaced (the contract's COALESCE update). */
    public Usage overwrittenBy(Usage update) {
        return new Usage(
                update.tokensIn != null ? update.tokensIn : tokensIn,
                update.tokensOut != null ? update.tokensOut : tokensOut,
                update.costUsd != null ? update.costUsd : costUsd);
    }
}
