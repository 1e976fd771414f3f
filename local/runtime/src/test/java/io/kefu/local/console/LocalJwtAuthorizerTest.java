package io.kefu.local.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.kefu.local.console.LocalUsers.LocalUser;
import io.kefu.local.stack.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local authorizer accepts what API Gateway's JWT authorizer accepts, and nothing else. */
class LocalJwtAuthorizerTest {
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/local-ConsoleUserPool";
    static final String CLIENT = "local-ConsoleUserPoolClient";
    final ManualClock clock = ManualClock.at(Instant.parse("2026-11-12T02:00:00Z"));
    final LocalJwtAuthorizer authorizer = new LocalJwtAuthorizer(ISSUER, CLIENT, Duration.ofHours(8), clock);
    final LocalUser lead = new LocalUser("lead.li", "qa-lead", null, List.of("tmall-flagship-cs", "jd-cs"), "lead");

    JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().subject("s").issuer(ISSUER).audience(CLIENT)
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(3600)));
    }

    @Test
    void anIssuedTokenVerifiesAndItsClaimsArriveFlattenedAsHttpApisPassThem() throws Exception {
        Map<String, String> claims = authorizer.verify("Bearer " + authorizer.issue(lead));
        assertThat(claims).containsEntry("cognito:username", "lead.li").containsEntry("cognito:groups", "[qa-lead]")
                .containsEntry("custom:teams", "tmall-flagship-cs,jd-cs").containsEntry("iss", ISSUER).containsEntry("aud", CLIENT)
                .containsEntry("token_use", "id");
        assertThat(claims.get("exp")).isEqualTo(Long.toString(clock.instant().plus(Duration.ofHours(8)).getEpochSecond()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = authorizer.issue(lead);
        clock.advance(Duration.ofHours(8).plusMinutes(2));   // past exp and the verifier's 60 s skew
        assertThatThrownBy(() -> authorizer.verify("Bearer " + token)).isInstanceOf(LocalJwtAuthorizer.Rejected.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void anotherAudienceOrIssuerIsRefusedAndClientIdStandsInForAud() throws Exception {
        assertThatThrownBy(() -> authorizer.verify(authorizer.sign(valid().audience("other-client").build())))
                .isInstanceOf(LocalJwtAuthorizer.Rejected.class).hasMessageContaining("audience");
        assertThatThrownBy(() -> authorizer.verify(authorizer.sign(valid().issuer("https://evil.example/").build())))
                .isInstanceOf(LocalJwtAuthorizer.Rejected.class);
        String accessToken = authorizer.sign(valid().audience((String) null).claim("client_id", CLIENT).build());
        assertThat(authorizer.verify(accessToken)).containsEntry("client_id", CLIENT);
        assertThatThrownBy(() -> authorizer.verify(authorizer.sign(valid().expirationTime(null).build())))
                .isInstanceOf(LocalJwtAuthorizer.Rejected.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyOrTamperedWithIsRefused() {
        LocalJwtAuthorizer stranger = new LocalJwtAuthorizer(ISSUER, CLIENT, Duration.ofHours(8), clock);
        assertThatThrownBy(() -> authorizer.verify(stranger.issue(lead))).isInstanceOf(LocalJwtAuthorizer.Rejected.class);
        String[] parts = authorizer.issue(lead).split("\\.");
        String widened = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("tmall-flagship-cs", "every-team").getBytes());
        assertThatThrownBy(() -> authorizer.verify(parts[0] + "." + widened + "." + parts[2])).isInstanceOf(LocalJwtAuthorizer.Rejected.class);
        assertThatThrownBy(() -> authorizer.verify(null)).isInstanceOf(LocalJwtAuthorizer.Rejected.class);
        assertThatThrownBy(() -> authorizer.verify("Bearer not.a.jwt")).isInstanceOf(LocalJwtAuthorizer.Rejected.class);
    }
}
