package io.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.AuthenticationException;
import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verified-session memo: a token verified once is not decrypted again, but only that exact
 * token is accepted for its key id, and expiry still applies to it.
 */
class StsSessionsTest {
  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();
  private static final Caller ROLE = new Caller("111122223333", "arn:aws:sts::111122223333:assumed-role/Deploy/s1",
      "AROAEXAMPLEEXAMPLE01:s1", Caller.PrincipalType.ASSUMED_ROLE, null);
  private static final SessionContext CONTEXT = new SessionContext(SessionContext.Kind.ASSUMED_ROLE,
      "arn:aws:iam::111122223333:role/Deploy", "s1", null, List.of(), Map.of("team", "ops"), List.of(), null);

  @Test
  void aRememberedSessionAcceptsOnlyItsOwnTokenAndStillExpires() {
    StsSessions sessions = new StsSessions(new SessionTokens(Keyring.loadOrCreate(dir.resolve("keyring")), clock), clock);
    IssuedSession issued = sessions.issue(ROLE, clock.instant().plusSeconds(900), CONTEXT);
    String key = issued.accessKeyId();
    String token = issued.sessionToken();

    assertThat(sessions.resolve(key, token).secretAccessKey()).isEqualTo(issued.secretAccessKey());
    Caller caller = sessions.resolve(key, token).caller();
    assertThat(caller.arn()).isEqualTo(ROLE.arn());
    assertThat(sessions.of(caller)).hasValueSatisfying(s -> assertThat(s.context()).isEqualTo(CONTEXT));

    String altered = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    assertThatThrownBy(() -> sessions.resolve(key, altered)).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.kind()).isEqualTo(AuthenticationException.Kind.UNKNOWN_ACCESS_KEY));
    assertThatThrownBy(() -> sessions.resolve(key, null)).isInstanceOf(AuthenticationException.class);
    IssuedSession other = sessions.issue(ROLE, clock.instant().plusSeconds(900), CONTEXT);
    assertThatThrownBy(() -> sessions.resolve(key, other.sessionToken()))
        .as("another session's valid token does not open with this key id").isInstanceOf(AuthenticationException.class);
    assertThat(sessions.resolve(key, token).caller()).as("the remembered token still works").isEqualTo(caller);

    clock.advance(Duration.ofSeconds(900));
    assertThatThrownBy(() -> sessions.resolve(key, token)).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.kind()).isEqualTo(AuthenticationException.Kind.EXPIRED_TOKEN));
  }

  @Test
  void keysThatAreNotSessionKeysAreLeftToOtherResolvers() {
    StsSessions sessions = new StsSessions(new SessionTokens(Keyring.loadOrCreate(dir.resolve("keyring")), clock), clock);
    assertThat(sessions.resolve("AKIAEXAMPLEEXAMPLE01", "whatever")).isNull();
  }
}
