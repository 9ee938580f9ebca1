package io.gatehouse.server.sts;

import io.gatehouse.server.auth.CredentialResolver;
import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.auth.Session;
import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.auth.SigningCredential;
import io.gatehouse.server.authz.CallerSession;
import io.gatehouse.server.authz.CallerSessions;
import io.gatehouse.server.core.Caller;
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
 * {@link #of(Caller)}. The memo only saves decoding the token again: key ids are unique, a token
 * binds its key id, and entries go at expiry.
 */
public final class StsSessions implements CredentialResolver {
  /** Above this many remembered sessions, expired ones are swept on the next insert. */
  private static final int SWEEP_ABOVE = 10_000;

  private final SessionTokens tokens;
  private final Clock clock;
  private final ConcurrentHashMap<String, ActiveSession> verified = new ConcurrentHashMap<>();

  /** A session as a request presents it: the sealed principal and times, and STS's context. */
  public record ActiveSession(Session session, SessionContext context) {}

  public StsSessions(SessionTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public SigningCredential resolve(String accessKeyId, String sessionToken) {
    SigningCredential credential = tokens.resolve(accessKeyId, sessionToken);
    if (credential == null) return null;
    ActiveSession known = verified.get(accessKeyId);
    if (known == null) {
      tokens.open(accessKeyId, sessionToken).ifPresent(session -> SessionContext.decode(session.context())
          .ifPresent(context -> remember(accessKeyId, new ActiveSession(session, context))));
    }
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
    return Optional.ofNullable(verified.get(caller.accessKeyId()));
  }

  IssuedSession issue(Caller principal, Instant expiration, SessionContext context) {
    return tokens.issue(principal, expiration, context.encode());
  }

  private void remember(String accessKeyId, ActiveSession session) {
    if (verified.size() > SWEEP_ABOVE) {
      Instant now = clock.instant();
      verified.values().removeIf(s -> !now.isBefore(s.session().expiration()));
    }
    verified.put(accessKeyId, session);
  }
}
