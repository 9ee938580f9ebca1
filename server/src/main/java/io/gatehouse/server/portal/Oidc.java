package io.gatehouse.server.portal;

import io.gatehouse.server.portal.OidcErrors.AccessDeniedException;
import io.gatehouse.server.portal.OidcErrors.AuthorizationPendingException;
import io.gatehouse.server.portal.OidcErrors.ExpiredTokenException;
import io.gatehouse.server.portal.OidcErrors.InvalidClientException;
import io.gatehouse.server.portal.OidcErrors.InvalidGrantException;
import io.gatehouse.server.portal.OidcErrors.InvalidRequestException;
import io.gatehouse.server.portal.OidcErrors.InvalidScopeException;
import io.gatehouse.server.portal.OidcErrors.SlowDownException;
import io.gatehouse.server.portal.OidcErrors.UnsupportedGrantTypeException;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth 2.0 side of the portal, as sso-oidc serves it: public clients register, start a
 * device authorization (RFC 8628) or send the user's browser to the portal's authorization page
 * (the authorization-code grant with PKCE, RFC 7636), the user approves it in the portal, and the
 * client exchanges the device code or the authorization code for an access token (and, for clients that asked for {@code sso:account:access}, a refresh
 * token). Tokens are random and stored by their hash; every use of one reads it from the
 * database, so Logout and an administrator's sign-out end it on every server at once.
 */
final class Oidc {
  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  static final String REFRESH_TOKEN_GRANT = "refresh_token";
  static final String AUTHORIZATION_CODE_GRANT = "authorization_code";
  private static final Set<String> SUPPORTED_GRANTS = Set.of(DEVICE_CODE_GRANT, REFRESH_TOKEN_GRANT, AUTHORIZATION_CODE_GRANT);
  static final Duration AUTHORIZATION_CODE_LIFETIME = Duration.ofMinutes(5);
  static final String ACCOUNT_ACCESS_SCOPE = "sso:account:access";
  /** The scopes a client may ask for: account access (the CLI's), and OpenID's. */
  private static final Set<String> KNOWN_SCOPES = Set.of(ACCOUNT_ACCESS_SCOPE, "openid");
  /** Polls may come a little early (timers, the network) without being told to slow down. */
  private static final long POLL_SLACK_MILLIS = 200;

  /** What RegisterClient returns; the secret is shown only here. */
  record Registration(String clientId, String clientSecret, Instant issuedAt, Instant expiresAt) {}

  /** What StartDeviceAuthorization returns. */
  record DeviceStart(String deviceCode, String userCode, String verificationUri, String verificationUriComplete,
      int expiresIn, int interval) {}

  /** What CreateToken returns. */
  record Tokens(String accessToken, int expiresIn, String refreshToken) {}

  private final Database db;
  private final Clock clock;
  private final PortalSettings settings;

  Oidc(Database db, Clock clock, PortalSettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * @param grantTypes the grants the client means to use; null or empty: the device code grant
   * @param redirectUris where the authorization-code grant may send the browser back: loopback
   *     http (a CLI's local listener) or https
   */
  Registration register(String clientName, String clientType, List<String> scopes, List<String> grantTypes,
      List<String> redirectUris) {
    List<String> grants = grantTypes == null || grantTypes.isEmpty() ? List.of(DEVICE_CODE_GRANT) : List.copyOf(grantTypes);
    for (String grant : grants) {
      if (!SUPPORTED_GRANTS.contains(grant)) throw new UnsupportedGrantTypeException(grant);
    }
    List<String> redirects = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    if (grants.contains(AUTHORIZATION_CODE_GRANT) && redirects.isEmpty()) {
      throw new OidcErrors.OidcException("InvalidRedirectUriException", 400, "invalid_redirect_uri",
          "The authorization_code grant needs redirectUris.");
    }
    for (String uri : redirects) {
      if (!acceptableRedirect(uri)) {
        throw new OidcErrors.OidcException("InvalidRedirectUriException", 400, "invalid_redirect_uri",
            "A redirect URI is https, or http to a loopback address (127.0.0.1, [::1], localhost): " + uri);
      }
    }
    if (!"public".equals(clientType)) {
      throw new OidcErrors.OidcException("InvalidClientMetadataException", 400, "invalid_client_metadata",
          "Only public clients can be registered.");
    }
    List<String> requested = scopes == null ? List.of() : List.copyOf(scopes);
    for (String scope : requested) {
      if (!KNOWN_SCOPES.contains(scope)) throw new InvalidScopeException("The scope " + scope + " is not supported.");
    }
    Instant now = clock.instant();
    String clientId = Secrets.random("ghc_");
    String secret = Secrets.random("ghcs_");
    OidcClient client = new OidcClient(clientId, Secrets.sha256(secret), clientName, clientType, requested, redirects, grants,
        now, now.plus(PortalSettings.CLIENT_REGISTRATION_LIFETIME));
    db.inTransaction(h -> {
      new JdbcOidcStore(h).addClient(client);
      return null;
    });
    return new Registration(clientId, secret, now, client.expiresAt());
  }

  /** @param portalUrl the portal's address as the client reaches it, for the verification URIs */
  DeviceStart startDeviceAuthorization(String clientId, String clientSecret, String startUrl, String portalUrl) {
    Instant now = clock.instant();
    OidcClient client = authenticate(clientId, clientSecret, now);
    String deviceCode = Secrets.random("ghd_");
    Instant expires = now.plus(PortalSettings.DEVICE_CODE_LIFETIME);
    for (int attempt = 0; ; attempt++) {
      String userCode = Secrets.userCode();
      DeviceAuthorization d = new DeviceAuthorization(Secrets.sha256(deviceCode), userCode, client.clientId(), startUrl,
          DeviceAuthorization.Status.PENDING, null, expires, null);
      boolean first = attempt == 0;
      boolean added = db.inTransaction(h -> {
        JdbcOidcStore store = new JdbcOidcStore(h);
        if (first) store.deleteExpiredDeviceAuthorizations(now);
        return store.addDeviceAuthorization(d, now);
      });
      if (added) {
        String uri = portalUrl + "/device";
        return new DeviceStart(deviceCode, userCode, uri, uri + "?user_code=" + userCode,
            (int) PortalSettings.DEVICE_CODE_LIFETIME.toSeconds(), PortalSettings.POLL_INTERVAL_SECONDS);
      }
      if (attempt > 5) throw new IllegalStateException("no free user code after " + attempt + " draws");
    }
  }

  /** The grant-specific members of CreateToken. */
  record TokenRequest(String grantType, String deviceCode, String refreshToken, String code, String redirectUri,
      String codeVerifier) {}

  Tokens createToken(String clientId, String clientSecret, TokenRequest in) {
    Instant now = clock.instant();
    OidcClient client = authenticate(clientId, clientSecret, now);
    return switch (in.grantType()) {
      case DEVICE_CODE_GRANT -> redeemDeviceCode(client, in.deviceCode(), now);
      case REFRESH_TOKEN_GRANT -> refresh(client, in.refreshToken(), now);
      case AUTHORIZATION_CODE_GRANT -> redeemCode(client, in, now);
      default -> throw new UnsupportedGrantTypeException(in.grantType());
    };
  }

  /**
   * The client an authorization request (GET /authorize) names, if the request is one the portal
   * may answer by sending the browser to {@code redirectUri}; otherwise why not (shown to the user,
   * never sent to an unregistered URI).
   */
  OidcClient authorizationClient(String clientId, String redirectUri, String responseType, String codeChallenge,
      String method) {
    Instant now = clock.instant();
    OidcClient client = db.withHandle(h -> new JdbcOidcStore(h).client(clientId))
        .filter(c -> now.isBefore(c.expiresAt()))
        .orElseThrow(() -> new InvalidClientException("The client is not registered."));
    if (!client.grantTypes().contains(AUTHORIZATION_CODE_GRANT) || !client.redirectUris().contains(redirectUri)) {
      throw new InvalidRequestException("The redirect URI is not one the client registered.");
    }
    if (!"code".equals(responseType)) throw new InvalidRequestException("response_type must be code.");
    if (!"S256".equals(method) || codeChallenge == null || !codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
      throw new InvalidRequestException("A code_challenge with code_challenge_method S256 is required (PKCE).");
    }
    return client;
  }

  /** The signed-in user allowed the client: a code for its redirect URI. */
  String authorize(OidcClient client, String userId, String redirectUri, String codeChallenge) {
    Instant now = clock.instant();
    String code = Secrets.random("ghac_");
    db.inTransaction(h -> {
      JdbcOidcStore store = new JdbcOidcStore(h);
      store.deleteExpiredAuthorizationCodes(now);
      store.addAuthorizationCode(Secrets.sha256(code), client.clientId(), userId, redirectUri, codeChallenge, now,
          now.plus(AUTHORIZATION_CODE_LIFETIME));
      return null;
    });
    return code;
  }

  private Tokens redeemCode(OidcClient client, TokenRequest in, Instant now) {
    if (in.code() == null || in.codeVerifier() == null || in.redirectUri() == null) {
      throw new InvalidRequestException("code, redirectUri and codeVerifier are required for this grant.");
    }
    return db.inTransaction(h -> {
      JdbcOidcStore store = new JdbcOidcStore(h);
      AuthorizationCode code = store.authorizationCode(Secrets.sha256(in.code()))
          .filter(c -> c.clientId().equals(client.clientId()) && c.redirectUri().equals(in.redirectUri()))
          .orElseThrow(() -> new InvalidGrantException("The authorization code is not valid for this client."));
      if (code.used() || !now.isBefore(code.expiresAt())) {
        throw new InvalidGrantException("The authorization code has expired or was used.");
      }
      if (!MessageDigest.isEqual(code.codeChallenge().getBytes(StandardCharsets.US_ASCII),
          s256(in.codeVerifier()).getBytes(StandardCharsets.US_ASCII))) {
        throw new InvalidGrantException("The code verifier does not match the code challenge.");
      }
      if (!store.markCodeUsed(code.codeHash())) throw new InvalidGrantException("The authorization code was used.");
      return issue(store, client, code.userId(), "grant-" + Ids.hex(24), now, now.plus(settings.sessionDuration()));
    });
  }

  /** PKCE's S256: base64url(SHA-256(verifier)) without padding. */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static boolean acceptableRedirect(String uri) {
    try {
      java.net.URI u = java.net.URI.create(uri);
      if (u.getFragment() != null || u.getHost() == null) return false;
      if ("https".equals(u.getScheme())) return true;
      return "http".equals(u.getScheme())
          && (u.getHost().equals("127.0.0.1") || u.getHost().equals("[::1]") || u.getHost().equals("localhost"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Tokens redeemDeviceCode(OidcClient client, String deviceCode, Instant now) {
    if (deviceCode == null || deviceCode.isEmpty()) throw new InvalidRequestException("deviceCode is required for this grant.");
    // A poll of a pending authorization is recorded (for slow_down) and then answered with an
    // error: the transaction returns the error so that it commits before the error is thrown.
    Object outcome = db.inTransaction(h -> {
      JdbcOidcStore store = new JdbcOidcStore(h);
      DeviceAuthorization d = store.deviceByCode(Secrets.sha256(deviceCode))
          .filter(x -> x.clientId().equals(client.clientId()))
          .orElseThrow(() -> new InvalidGrantException("The device code is not valid for this client."));
      if (d.expiredAt(now)) throw new ExpiredTokenException("The device code has expired.");
      return switch (d.status()) {
        case PENDING -> {
          Instant last = d.lastPollAt();
          store.polled(d.deviceCodeHash(), now);
          boolean tooSoon = last != null
              && Duration.between(last, now).toMillis() < PortalSettings.POLL_INTERVAL_SECONDS * 1000L - POLL_SLACK_MILLIS;
          yield tooSoon ? new SlowDownException() : new AuthorizationPendingException();
        }
        case DENIED -> throw new AccessDeniedException("The user denied this device authorization.");
        case REDEEMED -> throw new InvalidGrantException("The device code was already exchanged for a token.");
        case APPROVED -> {
          if (!store.redeem(d.deviceCodeHash())) {
            throw new InvalidGrantException("The device code was already exchanged for a token.");
          }
          yield issue(store, client, d.userId(), "grant-" + Ids.hex(24), now, now.plus(settings.sessionDuration()));
        }
      };
    });
    if (outcome instanceof RuntimeException e) throw e;
    return (Tokens) outcome;
  }

  private Tokens refresh(OidcClient client, String refreshToken, Instant now) {
    if (refreshToken == null || refreshToken.isEmpty()) {
      throw new InvalidRequestException("refreshToken is required for this grant.");
    }
    // a replayed refresh token ends its whole grant (RFC 9700, 4.14.2): that must commit before the error
    Object outcome = db.inTransaction(h -> {
      JdbcOidcStore store = new JdbcOidcStore(h);
      IssuedToken old = store.token(Secrets.sha256(refreshToken))
          .filter(t -> t.kind() == IssuedToken.Kind.REFRESH && t.clientId().equals(client.clientId()))
          .orElseThrow(() -> new InvalidGrantException("The refresh token is not valid for this client."));
      if (!now.isBefore(old.expiresAt())) throw new InvalidGrantException("The refresh token has expired. Sign in again.");
      if (old.used() || !store.markUsed(old.tokenHash())) {
        store.deleteGrant(old.grantId());
        return new InvalidGrantException("The refresh token was already used: its sign-in has ended. Sign in again.");
      }
      store.deleteAccessTokens(old.grantId());
      return issue(store, client, old.userId(), old.grantId(), now, old.expiresAt());
    });
    if (outcome instanceof RuntimeException e) throw e;
    return (Tokens) outcome;
  }

  /** Access (and refresh) tokens of one grant that ends at {@code sessionEnd}. */
  private Tokens issue(JdbcOidcStore store, OidcClient client, String userId, String grantId, Instant now, Instant sessionEnd) {
    boolean refreshable = client.scopes().contains(ACCOUNT_ACCESS_SCOPE);
    Instant accessEnd = refreshable ? min(now.plus(PortalSettings.REFRESHABLE_ACCESS_TOKEN_LIFETIME), sessionEnd) : sessionEnd;
    String access = Secrets.random("gha_");
    store.addToken(new IssuedToken(Secrets.sha256(access), IssuedToken.Kind.ACCESS, grantId, userId, client.clientId(),
        client.scopes(), now, accessEnd, false));
    String refresh = null;
    if (refreshable) {
      refresh = Secrets.random("ghr_");
      store.addToken(new IssuedToken(Secrets.sha256(refresh), IssuedToken.Kind.REFRESH, grantId, userId, client.clientId(),
          client.scopes(), now, sessionEnd, false));
    }
    store.deleteExpiredTokens(now);
    return new Tokens(access, (int) Math.max(1, Duration.between(now, accessEnd).toSeconds()), refresh);
  }

  /** The portal's answer to the user on the device page: the authorization a user code names. */
  Optional<DeviceAuthorization> pending(String userCode) {
    Instant now = clock.instant();
    return db.withHandle(h -> new JdbcOidcStore(h).deviceByUserCode(Secrets.normalizeUserCode(userCode)))
        .filter(d -> d.status() == DeviceAuthorization.Status.PENDING && !d.expiredAt(now));
  }

  Optional<OidcClient> client(String clientId) {
    return db.withHandle(h -> new JdbcOidcStore(h).client(clientId));
  }

  /** The signed-in user approves or denies; false when the code is unknown, expired or already decided. */
  boolean decide(String userCode, String userId, boolean approve) {
    Optional<DeviceAuthorization> d = pending(userCode);
    if (d.isEmpty()) return false;
    return db.inTransaction(h -> new JdbcOidcStore(h).decide(d.get().userCode(),
        approve ? DeviceAuthorization.Status.APPROVED : DeviceAuthorization.Status.DENIED, userId));
  }

  /** The unexpired access token presented to the portal API. */
  Optional<IssuedToken> accessToken(String token) {
    if (token == null || token.isEmpty()) return Optional.empty();
    Instant now = clock.instant();
    return db.withHandle(h -> new JdbcOidcStore(h).token(Secrets.sha256(token)))
        .filter(t -> t.kind() == IssuedToken.Kind.ACCESS && now.isBefore(t.expiresAt()));
  }

  /** Ends the grant of an access token (its refresh token too). */
  void logout(IssuedToken token) {
    db.inTransaction(h -> new JdbcOidcStore(h).deleteGrant(token.grantId()));
  }

  private OidcClient authenticate(String clientId, String clientSecret, Instant now) {
    OidcClient client = db.withHandle(h -> new JdbcOidcStore(h).client(clientId))
        .orElseThrow(() -> new InvalidClientException("The client is not registered."));
    boolean secretOk = clientSecret != null && MessageDigest.isEqual(
        client.secretHash().getBytes(StandardCharsets.US_ASCII), Secrets.sha256(clientSecret).getBytes(StandardCharsets.US_ASCII));
    if (!secretOk) throw new InvalidClientException("The client secret is not valid.");
    if (!now.isBefore(client.expiresAt())) throw new InvalidClientException("The client registration has expired.");
    return client;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
