package dev.arbiter.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.arbiter.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Bearer JWTs signed with HS256 (shared secret) or RS256 (RSA public key) and reads the
 * tenant from the configured claim. Expiry and not-before are checked against the injected clock
 * with one minute of skew; issuer and audience when configured. Immutable and thread-safe.
 */
public final class JwtVerifier {
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final @Nullable JWSVerifier hs256;
    private final @Nullable JWSVerifier rs256;
    private final ServerConfig.Jwt settings;
    private final Clock clock;

    /**
     * Builds the verifiers; fails when the secret or the PEM file is unusable.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public JwtVerifier(ServerConfig.Jwt settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            String secret = settings.hs256Secret();
            this.hs256 = secret == null ? null : new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("ARBITER_JWT_HS256_SECRET: " + e.getMessage(), e);
        }
        Path pem = settings.rs256PublicKey();
        this.rs256 = pem == null ? null : new RSASSAVerifier(readRsaPublicKey(pem));
    }

    /** The principal a valid token stands for. */
    public Principal verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthenticationException("Authentication failed: malformed bearer token");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        JWSVerifier verifier =
                JWSAlgorithm.HS256.equals(algorithm) ? hs256 : JWSAlgorithm.RS256.equals(algorithm) ? rs256 : null;
        if (verifier == null) {
            throw new AuthenticationException("Authentication failed: token algorithm " + algorithm + " not accepted");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new AuthenticationException("Authentication failed: invalid token signature");
            }
        } catch (JOSEException e) {
            throw new AuthenticationException("Authentication failed: invalid token signature");
        }
        checkTimes(claims);
        checkIssuerAndAudience(claims);
        Object tenant = claims.getClaim(settings.tenantClaim());
        if (!(tenant instanceof String name) || name.isBlank()) {
            throw new AuthenticationException(
                    "Authentication failed: token has no '" + settings.tenantClaim() + "' claim");
        }
        String subject = claims.getSubject();
        return new Principal(name, subject == null ? "jwt" : subject, Principal.Method.JWT, subject);
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires != null && now.isAfter(expires.toInstant().plus(SKEW))) {
            throw new AuthenticationException("Authentication failed: token expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore.toInstant())) {
            throw new AuthenticationException("Authentication failed: token not yet valid");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) {
        String issuer = settings.issuer();
        if (issuer != null && !issuer.equals(claims.getIssuer())) {
            throw new AuthenticationException("Authentication failed: token issuer not accepted");
        }
        String audience = settings.audience();
        if (audience != null
                && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
            throw new AuthenticationException("Authentication failed: token audience not accepted");
        }
    }

    /** Reads an X.509 {@code PUBLIC KEY} PEM file. */
    static RSAPublicKey readRsaPublicKey(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN PUBLIC KEY-----")) {
                throw new IllegalArgumentException("ARBITER_JWT_RS256_PUBLIC_KEY: " + pem
                        + " is not a PEM 'PUBLIC KEY' file (expected -----BEGIN PUBLIC KEY-----)");
            }
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            if (e instanceof IllegalArgumentException iae
                    && iae.getMessage() != null
                    && iae.getMessage().startsWith("ARBITER_")) {
                throw iae;
            }
            throw new IllegalArgumentException(
                    "ARBITER_JWT_RS256_PUBLIC_KEY: cannot read an RSA public key from " + pem + ": " + e.getMessage(),
                    e);
        }
    }
}
