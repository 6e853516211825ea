package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {
    private static final String ALNUM36 = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "AKIAIOSFODNN7EXAMPLE => aws_access_key",
                "ASIAY34FZKBOKMUTVV7A => aws_access_key",
                "AIzaSyA-1234567890abcdefghijklmnopqrstu => gcp_api_key",
                "ghp_" + ALNUM36 + " => github_token",
                "gho_" + ALNUM36 + " => github_token",
                "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz => github_token",
                "glpat-abcdefghij0123456789 => gitlab_token",
                "xoxb-123456789012-1234567890123-abcdefghijklmnop => slack_token",
                "sk_live_abcdefghijklmnopqrstuvwx01 => stripe_key"
            })
    void finds_providerTokens(String token, String kind) {
        String text = "export KEY " + token + " now";
        assertThat(Scans.found(FindingType.SECRET, text)).containsExactly(token);
        assertThat(Scans.details(FindingType.SECRET, text)).containsExactly(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AKIAIOSFODNN7EXAMPL", // one character short
                "AKIAIOSFODNN7EXAMPLEX", // runs on
                "akiaiosfodnn7example", // lower case
                "ghp_tooShort123",
                "Asia is a continent",
                "sk_test_abcdefghijklmnopqrstuvwx01" // a test key, not live
            })
    void ignores_lookAlikes(String text) {
        assertThat(Scans.findings(FindingType.SECRET, text)).isEmpty();
    }

    @Test
    void finds_privateKeyBlockThroughItsEndLine() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4\nabc+/def=\n-----END RSA PRIVATE KEY-----";
        String text = "key:\n" + key + "\nthanks";
        assertThat(Scans.found(FindingType.SECRET, text)).containsExactly(key);
        assertThat(Scans.details(FindingType.SECRET, text)).containsExactly("private_key");
    }

    @Test
    void finds_truncatedPrivateKeyBody() {
        String text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAABG5vbmU=";
        assertThat(Scans.found(FindingType.SECRET, text)).containsExactly(text);
    }

    @Test
    void jwt_validHeaderIsFoundAndRandomDottedTextIsNot() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(Scans.found(FindingType.SECRET, "Authorization: " + jwt)).containsExactly(jwt);
        assertThat(Scans.details(FindingType.SECRET, "token " + jwt)).containsExactly("jwt");

        String noAlg = base64Url("{\"typ\":\"alg\"}") + ".eyJzdWIiOiIxIn0.c2ln";
        assertThat(Scans.findings(FindingType.SECRET, noAlg)).isEmpty();
        assertThat(Scans.findings(FindingType.SECRET, "eyJhbGciOi.eyJzdWIiOi.sig"))
                .isEmpty();
        assertThat(Scans.findings(FindingType.SECRET, "see www.example.com.au for details"))
                .isEmpty();
    }

    @Test
    void jwt_unsignedTokenIsFound() {
        String unsigned = base64Url("{\"alg\":\"none\"}") + "." + base64Url("{\"sub\":\"1\"}") + ".";
        assertThat(Scans.found(FindingType.SECRET, unsigned + " end")).containsExactly(unsigned);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "password=hunter22 => hunter22 => password",
                "DB_PASSWORD: s3cr3t! => s3cr3t! => password",
                "\"api_key\": \"abcd1234efgh5678\" => abcd1234efgh5678 => api_key",
                "clientSecret = 'abcdef123456' => abcdef123456 => api_key",
                "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => aws_secret_key",
                "access_token: ya29.a0AfH6SMBx => ya29.a0AfH6SMBx => token",
                "Authorization: Bearer abcdefghijklmnop1234 => abcdefghijklmnop1234 => bearer_token"
            })
    void assignments_reportTheValueOnly(String text, String value, String kind) {
        assertThat(Scans.found(FindingType.SECRET, text)).containsExactly(value);
        assertThat(Scans.details(FindingType.SECRET, text)).containsExactly(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password: ${DB_PASS}",
                "password=****",
                "password = <your password>",
                "id INT PRIMARY KEY (id)",
                "token: null",
                "the password is required",
                "monkey=bananas123",
                "password_reset_url=https://x",
                "pwd=ab"
            })
    void assignments_ignorePlaceholdersAndNonCredentials(String text) {
        assertThat(Scans.findings(FindingType.SECRET, text)).isEmpty();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
