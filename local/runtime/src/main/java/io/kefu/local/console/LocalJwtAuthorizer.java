package io.kefu.local.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.kefu.local.console.LocalUsers.LocalUser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * API Gateway's JWT authorizer, played locally, and the token issuer Cognito is in AWS. Tokens are Cognito-shaped
 * ID tokens (cognito:username, cognito:groups, custom:agent_id, custom:teams) signed RS256 with a key made at
 * start (never written anywhere). Verification is what the HTTP API's authorizer does: signature by kid with the
 * issuer's key, alg RS256, {@code iss} equal to the configured issuer, {@code aud} (or, for access tokens,
 * {@code client_id}) equal to the configured audience, {@code exp} and {@code nbf} against the clock. The
 * verified claims are handed on flattened the way HTTP APIs pass them (arrays as "[a b]", numbers as text).
 */
public final class LocalJwtAuthorizer {
    private final String issuer;
    private final String audience;
    private final Duration validity;
    private final Clock clock;
    private final RSAKey key;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public LocalJwtAuthorizer(String issuer, String audience, Duration validity, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.validity = validity;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the local signing key", e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        // iss must match exactly; exp is required; aud / client_id is checked below (either may carry the client).
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat"), Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** The public key set (what Cognito publishes at {issuer}/.well-known/jwks.json). */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** An ID token for a seeded user, valid from now for the client's ID-token validity. */
    public String issue(LocalUser u) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(u.username().getBytes(StandardCharsets.UTF_8)).toString())
                .issuer(issuer).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validity)))
                .claim("token_use", "id").claim("auth_time", now.getEpochSecond())
                .claim("cognito:username", u.username()).claim("cognito:groups", List.of(u.group()));
        if (u.agentId() != null) {
            claims.claim("custom:agent_id", u.agentId());
        }
        if (!u.teams().isEmpty()) {
            claims.claim("custom:teams", String.join(",", u.teams()));
        }
        return sign(claims.build());
    }

    /** Signs any claims with the local key (tests use it for expired, foreign-audience or foreign-issuer tokens). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a valid token from the Authorization header ("Bearer x" or the bare token, as API Gateway
     * accepts), or a reason why not.
     */
    public Map<String, String> verify(String authorization) throws Rejected {
        if (authorization == null || authorization.isBlank()) {
            throw new Rejected("no Authorization header");
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Rejected(e.getMessage());
        }
        List<String> aud = claims.getAudience();
        Object clientId = claims.getClaim("client_id");
        boolean audienceOk = aud != null && !aud.isEmpty() ? aud.contains(audience) : audience.equals(clientId);
        if (!audienceOk) {
            throw new Rejected("audience " + aud + " / client_id " + clientId + " is not " + audience);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        // A single audience is a plain string in a Cognito token (and so in the authorizer's claims).
        claims.getClaims().forEach((name, value) -> flat.put(name,
                name.equals("aud") && value instanceof List<?> l && l.size() == 1 ? String.valueOf(l.get(0)) : flatten(value)));
        return flat;
    }

    private static String flatten(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        if (value instanceof Date d) {
            return Long.toString(d.toInstant().getEpochSecond());
        }
        return String.valueOf(value);
    }

    /** A token the authorizer refuses: API Gateway answers 401 without calling the function. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }
}
