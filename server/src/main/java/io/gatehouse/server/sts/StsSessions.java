package io.gatehouse.server.sts;

import io.gatehouse.server.auth.CredentialResolver;
import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.auth.Session;
import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.auth.SigningCredential;
import io.gatehouse.server.authz.CallerSession;
import io.gatehouse.server.authz.CallerSessions;
import io.gatehouse.server.core.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials STS issues, and the sessions behind the requests they sign.
 *
 * <p>As a {@link CredentialResolver} it verifies {@code ASIA…} keys through {@link SessionTokens}
 * (no database read; refused at expiry) and remembers each verified session by its key id, so that
 * an operation serving the request can read the session's policies, tags and source identity from
 * {@link #of(Caller)}. The memo also saves decrypting the token again on every request: a request
 * presenting exactly the token verified before for its key id gets the credential verified then
 * (still refused from expiry on); any other token is decrypted and checked in full. Key ids are
 * unique, a token binds its key id, and entries go at expiry.
 */
public final class StsSessions implements CredentialResolver {
  /** Above this many remembered sessions, expired ones are swept on the next insert. */
  private static final int SWEEP_ABOVE = 10_000;

  private final SessionTokens tokens;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  /** A session as a request presents it: the sealed principal and times, and STS's context. */
  public record ActiveSession(Session session, SessionContext context) {}

  /** A verified session with the token and credential it was verified from. */
  private record Verified(ActiveSession active, byte[] token, SigningCredential credential) {}

  public StsSessions(SessionTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public SigningCredential resolve(String accessKeyId, String sessionToken) {
    Verified known = verified.get(accessKeyId);
    if (known != null && sessionToken != null && sameToken(known.token(), sessionToken)) {
      if (!clock.instant().isBefore(known.active().session().expiration())) {
        // the full path answers an expired token (ExpiredToken), exactly as for one never seen
        return tokens.resolve(accessKeyId, sessionToken);
      }
      return known.credential();
    }
    SigningCredential credential = tokens.resolve(accessKeyId, sessionToken);
    if (credential == null) return null;
    tokens.open(accessKeyId, sessionToken).ifPresent(session -> SessionContext.decode(session.context())
        .ifPresent(context -> remember(accessKeyId,
            new Verified(new ActiveSession(session, context), bytes(sessionToken), credential))));
    return credential;
  }

  /** The same sessions as authorization reads them (the policies, tags and times sealed in the token). */
  public CallerSessions forAuthorization() {
    return caller -> of(caller).map(StsSessions::callerSession);
  }

  private static CallerSession callerSession(ActiveSession active) {
    SessionContext c = active.context();
    return new CallerSession(active.session().issuedAt(), c.kind() == SessionContext.Kind.ASSUMED_ROLE ? c.roleArn() : null,
        c.inlinePolicy(), c.policyArns(), c.tags(), c.sourceIdentity());
  }

  /** The session behind a caller whose request was signed with temporary credentials; empty otherwise. */
  public Optional<ActiveSession> of(Caller caller) {
    if (caller == null || caller.accessKeyId() == null || !caller.accessKeyId().startsWith("ASIA")) return Optional.empty();
    Verified known = verified.get(caller.accessKeyId());
    return known == null ? Optional.empty() : Optional.of(known.active());
  }

  IssuedSession issue(Caller principal, Instant expiration, SessionContext context) {
    return tokens.issue(principal, expiration, context.encode());
  }

  private void remember(String accessKeyId, Verified session) {
    if (verified.size() > SWEEP_ABOVE) {
      Instant now = clock.instant();
      verified.values().removeIf(s -> !now.isBefore(s.active().session().expiration()));
    }
    verified.put(accessKeyId, session);
  }

  /** Constant-time, so that timing tells nothing about how much of a presented token was right. */
  private static boolean sameToken(byte[] known, String presented) {
    return MessageDigest.isEqual(known, bytes(presented));
  }

  private static byte[] bytes(String token) {
    return token.getBytes(StandardCharsets.UTF_8);
  }
}
