package dev.arbiter.core;

/** The kinds of sensitive content the detectors find. */
public enum FindingType {
    US_SSN(true),
    CREDIT_CARD(true),
    IBAN(true),
    EMAIL(true),
    PHONE(true),
    IP_ADDRESS(true),
    INDIA_PAN(true),
    AADHAAR(true),
    DATE_OF_BIRTH(true),
    SQL_INJECTION(false),
    SECRET(false),
    DANGEROUS_COMMAND(false);

    private final boolean pii;

    FindingType(boolean pii) {
        this.pii = pii;
    }

    /** True for personal data (what {@code step_input.contains_pii} reports). */
    public boolean isPii() {
        return pii;
    }
}
