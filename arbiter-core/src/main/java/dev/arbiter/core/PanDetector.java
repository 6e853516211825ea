package dev.arbiter.core;

import java.util.List;

/**
 * India's Permanent Account Numbers: five upper-case letters, four digits, one upper-case letter, where the fourth
 * letter names the holder type (P person, C company, H Hindu undivided family, F firm, A association of persons,
 * T trust, B body of individuals, L local authority, J artificial juridical person, G government).
 */
final class PanDetector implements Detector {
    private static final String HOLDER_TYPES = "ABCFGHJLPT";

    @Override
    public FindingType type() {
        return FindingType.INDIA_PAN;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        String s = text.text();
        int runs = text.runCount();
        for (int k = 0; k < runs; k++) {
            int digits = text.runStart(k);
            int start = digits - 5;
            int end = text.runEnd(k) + 1;
            if (text.runLength(k) != 4 || start < 0 || end > s.length()) {
                continue;
            }
            if (isPan(s, start) && boundary(s, start - 1) && boundary(s, end)) {
                double confidence = text.cueWithin(start - 48, end + 16, Cue.PAN, Cue.PERMANENT_ACCOUNT) ? 0.85 : 0.6;
                out.add(new Finding(FindingType.INDIA_PAN, start, end, confidence, "india_pan"));
            }
        }
    }

    static boolean isPan(String s, int start) {
        for (int i = start; i < start + 5; i++) {
            if (!ScanText.isUpper(s.charAt(i))) {
                return false;
            }
        }
        return HOLDER_TYPES.indexOf(s.charAt(start + 3)) >= 0 && ScanText.isUpper(s.charAt(start + 9));
    }

    private static boolean boundary(String s, int at) {
        return at < 0 || at >= s.length() || !ScanText.isWordChar(s.charAt(at));
    }
}
