package dev.arbiter.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.arbiter.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerifierTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void verify_hs256WithTenant_givesPrincipal() throws Exception {
        JwtVerifier verifier = new JwtVerifier(hs256Settings(), clock);
        Principal principal = verifier.verify(hs256(claims("acme").build(), SECRET));
        assertThat(principal.tenant()).isEqualTo("acme");
        assertThat(principal.subject()).isEqualTo("agent-7");
        assertThat(principal.method()).isEqualTo(Principal.Method.JWT);
    }

    @Test
    void verify_rs256_givesPrincipal() throws Exception {
        KeyPair keys = rsaKeys();
        Path pem = writePem(keys);
        JwtVerifier verifier = new JwtVerifier(new ServerConfig.Jwt(null, pem, "tenant", null, null), clock);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256), claims("globex").build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        assertThat(verifier.verify(jwt.serialize()).tenant()).isEqualTo("globex");
    }

    @Test
    void verify_wrongKey_isRejected() throws Exception {
        JwtVerifier verifier = new JwtVerifier(hs256Settings(), clock);
        String token = hs256(claims("acme").build(), "another-secret-another-secret-12345");
        assertThatThrownBy(() -> verifier.verify(token)).hasMessageContaining("invalid token signature");
    }

    @Test
    void verify_expired_isRejected() throws Exception {
        JwtVerifier verifier = new JwtVerifier(hs256Settings(), clock);
        String token = hs256(
                claims("acme").expirationTime(Date.from(NOW.minusSeconds(120))).build(), SECRET);
        assertThatThrownBy(() -> verifier.verify(token)).hasMessageContaining("token expired");
    }

    @Test
    void verify_missingTenantClaim_isRejected() throws Exception {
        JwtVerifier verifier = new JwtVerifier(hs256Settings(), clock);
        String token = hs256(new JWTClaimsSet.Builder().subject("x").build(), SECRET);
        assertThatThrownBy(() -> verifier.verify(token)).hasMessageContaining("no 'tenant' claim");
    }

    @Test
    void verify_algorithmNotConfigured_isRejected() throws Exception {
        KeyPair keys = rsaKeys();
        SignedJWT jwt =
                new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("acme").build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        JwtVerifier verifier = new JwtVerifier(hs256Settings(), clock);
        assertThatThrownBy(() -> verifier.verify(jwt.serialize())).hasMessageContaining("RS256 not accepted");
    }

    @Test
    void verify_garbage_isRejected() {
        JwtVerifier verifier = new JwtVerifier(hs256Settings(), clock);
        assertThatThrownBy(() -> verifier.verify("not-a-jwt")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void construct_badPem_namesTheSetting() throws Exception {
        Path pem = dir.resolve("bad.pem");
        Files.writeString(pem, "hello");
        assertThatThrownBy(() -> new JwtVerifier(new ServerConfig.Jwt(null, pem, "tenant", null, null), clock))
                .hasMessageStartingWith("ARBITER_JWT_RS256_PUBLIC_KEY");
    }

    static ServerConfig.Jwt hs256Settings() {
        return new ServerConfig.Jwt(SECRET, null, "tenant", null, null);
    }

    static JWTClaimsSet.Builder claims(String tenant) {
        return new JWTClaimsSet.Builder()
                .subject("agent-7")
                .claim("tenant", tenant)
                .expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    static String hs256(JWTClaimsSet claims, String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    Path writePem(KeyPair keys) throws Exception {
        Path pem = dir.resolve("public.pem");
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        return pem;
    }
}
