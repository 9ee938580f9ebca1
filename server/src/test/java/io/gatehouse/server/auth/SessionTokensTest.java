package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.auth.SdkSigner.Unsigned;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary credentials whose sealed session token carries everything: no database involved. */
class SessionTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");
  private static final Caller ROLE_SESSION = new Caller("210987654321",
      "arn:aws:sts::210987654321:assumed-role/DeployRole/ci", "AROAEXAMPLEROLEID001:ci", Caller.PrincipalType.ASSUMED_ROLE, null);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private Keyring keyring;
  private SessionTokens sessions;
  private Authenticator authenticator;

  @BeforeEach
  void setUp() {
    clock.set(NOW);
    keyring = Keyring.loadOrCreate(dir.resolve("keyring.json"));
    sessions = new SessionTokens(keyring, clock);
    authenticator = new SigV4Authenticator(new SigV4Verifier(clock), List.of(sessions));
  }

  @Test
  void issuedCredentialsAuthenticateAsTheSessionAndCarryTheContext() {
    byte[] context = "{\"SessionPolicy\":\"...\",\"Tags\":{\"team\":\"ci\"}}".getBytes(StandardCharsets.UTF_8);
    IssuedSession issued = sessions.issue(ROLE_SESSION, NOW.plus(Duration.ofHours(1)), context);

    assertThat(issued.accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(issued.toString()).doesNotContain(issued.secretAccessKey()).doesNotContain(issued.sessionToken());
    assertThat(issued.sessionToken()).doesNotContain(issued.secretAccessKey());
    Caller caller = authenticator.authenticate(signed(issued, issued.sessionToken()), "sts");
    assertThat(caller).isEqualTo(new Caller(ROLE_SESSION.accountId(), ROLE_SESSION.arn(), ROLE_SESSION.userId(),
        Caller.PrincipalType.ASSUMED_ROLE, issued.accessKeyId()));
    Session session = sessions.open(issued.accessKeyId(), issued.sessionToken()).orElseThrow();
    assertThat(session.context()).isEqualTo(context);
    assertThat(session.issuedAt()).isBetween(NOW, clock.instant()); // the test clock keeps ticking from NOW
    assertThat(session.expiration()).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void anotherServerWithTheSameKeyringVerifiesTheTokenAndOneWithAnotherKeyringDoesNot() {
    IssuedSession issued = sessions.issue(ROLE_SESSION, NOW.plus(Duration.ofHours(1)), new byte[0]);

    Authenticator sameKeyring = new SigV4Authenticator(new SigV4Verifier(clock),
        List.of(new SessionTokens(Keyring.loadOrCreate(dir.resolve("keyring.json")), clock)));
    assertThat(sameKeyring.authenticate(signed(issued, issued.sessionToken()), "sts").arn()).isEqualTo(ROLE_SESSION.arn());

    Authenticator otherKeyring = new SigV4Authenticator(new SigV4Verifier(clock),
        List.of(new SessionTokens(Keyring.loadOrCreate(dir.resolve("other.json")), clock)));
    assertThatThrownBy(() -> otherKeyring.authenticate(signed(issued, issued.sessionToken()), "sts"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
  }

  @Test
  void credentialsStopWorkingAtExpiry() {
    IssuedSession issued = sessions.issue(ROLE_SESSION, NOW.plus(Duration.ofMinutes(15)), new byte[0]);
    clock.advance(Duration.ofMinutes(14));
    authenticator.authenticate(signed(issued, issued.sessionToken()), "sts");

    clock.advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> authenticator.authenticate(signed(issued, issued.sessionToken()), "sts"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.EXPIRED_TOKEN))
        .hasMessage("The security token included in the request is expired");
  }

  @Test
  void aMissingAlteredOrBorrowedTokenIsInvalid() {
    IssuedSession issued = sessions.issue(ROLE_SESSION, NOW.plus(Duration.ofHours(1)), new byte[0]);
    IssuedSession other = sessions.issue(ROLE_SESSION, NOW.plus(Duration.ofHours(1)), new byte[0]);
    String token = issued.sessionToken();
    char last = token.charAt(token.length() - 3);
    String altered = token.substring(0, token.length() - 3) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 2);

    for (String bad : new String[] {null, altered, other.sessionToken(), "not base64 !", "AAAA"}) {
      assertThatThrownBy(() -> authenticator.authenticate(signed(issued, bad), "sts"))
          .as("token %s", bad)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY))
          .hasMessage("The security token included in the request is invalid.");
    }
  }

  @Test
  void longTermKeysAreLeftToTheirOwnResolver() {
    assertThat(sessions.resolve("AKIAEXAMPLEEXAMPLE01", null)).isNull();
    assertThat(sessions.resolve("AKIAEXAMPLEEXAMPLE01", "token")).isNull();
  }

  private HttpRequestData signed(IssuedSession credentials, String token) {
    return SdkSigner.sign(Unsigned.post("application/x-www-form-urlencoded; charset=utf-8",
            "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8)),
        credentials.accessKeyId(), credentials.secretAccessKey(), token, "us-east-1", "sts", clock, null);
  }
}
