package dev.arbiter.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal data, secrets, SQL injection and dangerous shell commands in text, and redacts them.
 *
 * <pre>{@code
 * ContentScanner scanner = ContentScanner.defaults();
 * List<Finding> findings = scanner.scan("SSN 123-45-6789, card 4111 1111 1111 1111");
 * String safe = scanner.redact("SSN 123-45-6789").text();   // "SSN XXX-XX-6789"
 * }</pre>
 *
 * <p>Every detector validates what it matches (Luhn, mod-97, Verhoeff, SSA rules, parse trees, token formats), so
 * look-alikes are not reported. Each finding carries a confidence; findings below {@value #MIN_CONFIDENCE} (for
 * example an SSN-shaped number next to "order") are dropped. Scanning takes time linear in the text. Immutable and
 * thread-safe; build one and share it.
 */
public final class ContentScanner {
    /** Findings below this confidence are not reported (AxonFlow's documented threshold). */
    public static final double MIN_CONFIDENCE = 0.5;

    /** Detectors ordered by cost, so {@link #containsPii} usually answers before libphonenumber runs. */
    private static final List<FindingType> CHEAPEST_FIRST = List.of(
            FindingType.EMAIL,
            FindingType.US_SSN,
            FindingType.CREDIT_CARD,
            FindingType.IBAN,
            FindingType.AADHAAR,
            FindingType.INDIA_PAN,
            FindingType.IP_ADDRESS,
            FindingType.DATE_OF_BIRTH,
            FindingType.PHONE,
            FindingType.SECRET,
            FindingType.SQL_INJECTION,
            FindingType.DANGEROUS_COMMAND);

    private static final ContentScanner DEFAULTS = new ContentScanner(EnumSet.allOf(FindingType.class));

    private final Set<FindingType> types;
    private final List<Detector> detectors;
    private final List<Detector> piiDetectors;

    private ContentScanner(Set<FindingType> types) {
        this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        List<Detector> all = new ArrayList<>();
        for (FindingType type : CHEAPEST_FIRST) {
            if (types.contains(type)) {
                all.add(detector(type));
            }
        }
        this.detectors = List.copyOf(all);
        this.piiDetectors = all.stream().filter(d -> d.type().isPii()).toList();
    }

    /** A scanner with every detector. */
    public static ContentScanner defaults() {
        return DEFAULTS;
    }

    /** A scanner with the detectors for {@code types} only. */
    public static ContentScanner of(Set<FindingType> types) {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("types must name at least one finding type");
        }
        return types.size() == FindingType.values().length ? DEFAULTS : new ContentScanner(types);
    }

    /** The finding types this scanner reports. */
    public Set<FindingType> types() {
        return types;
    }

    /** Everything found in {@code text}: non-overlapping, sorted by start. */
    public List<Finding> scan(CharSequence text) {
        Objects.requireNonNull(text, "text");
        ScanText scanText = ScanText.of(text);
        List<Finding> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            detect(detector, scanText, candidates);
        }
        return Overlaps.resolve(candidates);
    }

    /**
     * True when a PII detector finds something in {@code text}. Stops at the first detector that does; cheaper
     * than {@link #scan} because secrets, SQL and commands are not looked for.
     */
    public boolean containsPii(CharSequence text) {
        Objects.requireNonNull(text, "text");
        ScanText scanText = ScanText.of(text);
        List<Finding> found = new ArrayList<>();
        for (Detector detector : piiDetectors) {
            detect(detector, scanText, found);
            if (!found.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with the personal data and secrets this scanner finds replaced (see {@link #redact(CharSequence, List)}). */
    public Redaction redact(CharSequence text) {
        return redact(text, scan(text));
    }

    /**
     * {@code text} with the personal data and secret {@code findings} replaced in the documented formats: SSN
     * {@code XXX-XX-1234}, card {@code ****-****-****-1234}, phone {@code ***-***-1234}, IP {@code ***.***.***.***},
     * e-mail {@code [HASHED_<hex>]}, secrets {@code [REDACTED_KEY]}, {@code [REDACTED_TOKEN]} or
     * {@code [REDACTED_PASSWORD]}, others {@code [REDACTED]}. Overlapping findings are replaced together as
     * {@code [REDACTED]}. SQL injection and dangerous-command findings are left in place.
     *
     * @throws IllegalArgumentException when a finding lies outside the text
     */
    public Redaction redact(CharSequence text, List<Finding> findings) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(findings, "findings");
        return Redactor.redact(text.toString(), findings);
    }

    private static void detect(Detector detector, ScanText text, List<Finding> out) {
        int from = out.size();
        detector.detect(text, out);
        for (int i = out.size() - 1; i >= from; i--) {
            if (out.get(i).confidence() < MIN_CONFIDENCE) {
                out.remove(i);
            }
        }
    }

    private static Detector detector(FindingType type) {
        return switch (type) {
            case US_SSN -> new SsnDetector();
            case CREDIT_CARD -> new CardDetector();
            case IBAN -> new IbanDetector();
            case EMAIL -> new EmailDetector();
            case PHONE -> new PhoneDetector();
            case IP_ADDRESS -> new IpDetector();
            case INDIA_PAN -> new PanDetector();
            case AADHAAR -> new AadhaarDetector();
            case DATE_OF_BIRTH -> new BirthDateDetector();
            case SQL_INJECTION -> new SqlInjectionDetector();
            case SECRET -> new SecretDetector();
            case DANGEROUS_COMMAND -> new ShellCommandDetector();
        };
    }
}
