package dev.arbiter.core;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * Credentials: provider tokens recognised by their documented prefixes, PEM private key blocks, JWTs, bearer tokens
 * and {@code password=} / {@code api_key:} style assignments ({@link SecretAssignments}).
 *
 * <p>{@link Finding#detail()} names the kind ({@code aws_access_key}, {@code github_token}, {@code private_key},
 * {@code jwt}, {@code password}, ...); redaction picks {@code [REDACTED_KEY]}, {@code [REDACTED_TOKEN]} or
 * {@code [REDACTED_PASSWORD]} from it.
 */
final class SecretDetector implements Detector {
    private static final int MAX_PEM = 16_384;
    private static final List<CuePattern> TOKENS = List.of(
            CuePattern.token(Cue.AKIA, "AKIA[A-Z0-9]{16}", "aws_access_key"),
            CuePattern.token(Cue.ASIA, "ASIA[A-Z0-9]{16}", "aws_access_key"),
            CuePattern.token(Cue.AIZA, "AIza[0-9A-Za-z_\\-]{35}", "gcp_api_key"),
            CuePattern.token(Cue.GHP, "ghp_[A-Za-z0-9]{36,255}", "github_token"),
            CuePattern.token(Cue.GHO, "gho_[A-Za-z0-9]{36,255}", "github_token"),
            CuePattern.token(Cue.GHU, "ghu_[A-Za-z0-9]{36,255}", "github_token"),
            CuePattern.token(Cue.GHS, "ghs_[A-Za-z0-9]{36,255}", "github_token"),
            CuePattern.token(Cue.GHR, "ghr_[A-Za-z0-9]{36,255}", "github_token"),
            CuePattern.token(Cue.GITHUB_PAT, "github_pat_[A-Za-z0-9_]{22,255}", "github_token"),
            CuePattern.token(Cue.GLPAT, "glpat-[A-Za-z0-9_\\-]{20,64}", "gitlab_token"),
            CuePattern.token(Cue.XOX, "xox[baprs]-[A-Za-z0-9\\-]{10,200}", "slack_token"),
            CuePattern.token(Cue.SK_LIVE, "sk_live_[A-Za-z0-9]{24,200}", "stripe_key"),
            CuePattern.token(Cue.RK_LIVE, "rk_live_[A-Za-z0-9]{24,200}", "stripe_key"),
            CuePattern.token(Cue.BEARER, "(?i)bearer\\s+([A-Za-z0-9._~+/\\-]{16,300}=*)", "bearer_token"));
    private static final Pattern PEM_HEADER =
            Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----");

    @Override
    public FindingType type() {
        return FindingType.SECRET;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        CuePattern.findAll(text, TOKENS, FindingType.SECRET, 0.95, out);
        for (int k = 0; k < text.hitCount(Cue.PEM_BEGIN); k++) {
            matchPrivateKey(text, text.hit(Cue.PEM_BEGIN, k), out);
        }
        for (int k = 0; k < text.hitCount(Cue.JWT); k++) {
            int start = text.hit(Cue.JWT, k);
            int end = Jwt.end(text.text(), start);
            if (end > 0) {
                out.add(new Finding(FindingType.SECRET, start, end, 0.97, "jwt"));
            }
        }
        SecretAssignments.find(text, out);
    }

    /** The whole block through its END line; without one, the header and the base64 body that follows. */
    private static void matchPrivateKey(ScanText text, int at, List<Finding> out) {
        String s = text.text();
        Matcher header = PEM_HEADER.matcher(text.slice(at, at + 80));
        if (!header.lookingAt()) {
            return;
        }
        int bodyStart = at + header.end();
        int limit = Math.min(s.length(), bodyStart + MAX_PEM);
        int footer = s.indexOf("-----END ", bodyStart);
        int end;
        if (footer >= 0 && footer < limit) {
            int close = s.indexOf("-----", footer + 9);
            end = close >= 0 && close < limit ? close + 5 : footer + 9;
        } else {
            end = bodyStart;
            while (end < limit && isBase64OrSpace(s.charAt(end))) {
                end++;
            }
        }
        out.add(new Finding(FindingType.SECRET, at, end, 0.99, "private_key"));
    }

    private static boolean isBase64OrSpace(char c) {
        return ScanText.isDigit(c)
                || ScanText.isAsciiLetter(c)
                || c == '+'
                || c == '/'
                || c == '='
                || Character.isWhitespace(c);
    }
}
