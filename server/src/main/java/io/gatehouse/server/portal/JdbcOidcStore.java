package io.gatehouse.server.portal;

import static io.gatehouse.server.portal.JdbcSignInStore.instant;
import static io.gatehouse.server.portal.JdbcSignInStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** OIDC clients, device authorizations and tokens (V10), on the caller's handle. */
final class JdbcOidcStore {
  private final Handle h;

  JdbcOidcStore(Handle h) {
    this.h = h;
  }

  void addClient(OidcClient c) {
    h.createUpdate("INSERT INTO oidc_client (client_id, secret_hash, client_name, client_type, scopes, redirect_uris, "
            + "grant_types, created_at, expires_at) VALUES (:id, :s, :n, :t, :sc, :r, :g, :c, :e)")
        .bind("id", c.clientId()).bind("s", c.secretHash()).bind("n", c.name()).bind("t", c.type())
        .bind("sc", String.join(" ", c.scopes())).bind("r", String.join(" ", c.redirectUris()))
        .bind("g", String.join(" ", c.grantTypes())).bind("c", ts(c.createdAt())).bind("e", ts(c.expiresAt())).execute();
  }

  Optional<OidcClient> client(String clientId) {
    return h.createQuery("SELECT client_id, secret_hash, client_name, client_type, scopes, redirect_uris, grant_types, "
            + "created_at, expires_at FROM oidc_client WHERE client_id = :id")
        .bind("id", clientId)
        .map((rs, ctx) -> new OidcClient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            scopes(rs.getString(5)), scopes(rs.getString(6)), scopes(rs.getString(7)), rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9).toInstant()))
        .findOne();
  }

  /** Stores a new authorization; false when its user code is taken (the caller draws another). */
  boolean addDeviceAuthorization(DeviceAuthorization d, Instant now) {
    int taken = h.createQuery("SELECT COUNT(*) FROM oidc_device_authorization WHERE user_code = :c")
        .bind("c", d.userCode()).mapTo(Integer.class).one();
    if (taken > 0) return false;
    h.createUpdate("INSERT INTO oidc_device_authorization (device_code_hash, user_code, client_id, start_url, status, "
            + "created_at, expires_at) VALUES (:h, :c, :cl, :u, 'PENDING', :n, :e)")
        .bind("h", d.deviceCodeHash()).bind("c", d.userCode()).bind("cl", d.clientId()).bind("u", d.startUrl())
        .bind("n", ts(now)).bind("e", ts(d.expiresAt())).execute();
    return true;
  }

  Optional<DeviceAuthorization> deviceByCode(String deviceCodeHash) {
    return h.createQuery(DEVICE_SELECT + " WHERE device_code_hash = :h FOR UPDATE").bind("h", deviceCodeHash)
        .map((rs, ctx) -> device(rs)).findOne();
  }

  Optional<DeviceAuthorization> deviceByUserCode(String userCode) {
    return h.createQuery(DEVICE_SELECT + " WHERE user_code = :c").bind("c", userCode).map((rs, ctx) -> device(rs)).findOne();
  }

  void polled(String deviceCodeHash, Instant now) {
    h.createUpdate("UPDATE oidc_device_authorization SET last_poll_at = :n WHERE device_code_hash = :h")
        .bind("n", ts(now)).bind("h", deviceCodeHash).execute();
  }

  /** Moves a pending authorization to APPROVED (with the user) or DENIED; false when it was not pending. */
  boolean decide(String userCode, DeviceAuthorization.Status to, String userId) {
    return h.createUpdate("UPDATE oidc_device_authorization SET status = :s, user_id = :u "
            + "WHERE user_code = :c AND status = 'PENDING'")
        .bind("s", to.name()).bind("u", userId).bind("c", userCode).execute() == 1;
  }

  /** Marks an approved authorization exchanged; false when another CreateToken got there first. */
  boolean redeem(String deviceCodeHash) {
    return h.createUpdate("UPDATE oidc_device_authorization SET status = 'REDEEMED' "
            + "WHERE device_code_hash = :h AND status = 'APPROVED'")
        .bind("h", deviceCodeHash).execute() == 1;
  }

  void deleteExpiredDeviceAuthorizations(Instant now) {
    h.createUpdate("DELETE FROM oidc_device_authorization WHERE expires_at <= :n").bind("n", ts(now)).execute();
  }

  void addAuthorizationCode(String codeHash, String clientId, String userId, String redirectUri, String codeChallenge,
      Instant now, Instant expiresAt) {
    h.createUpdate("INSERT INTO oidc_authorization_code (code_hash, client_id, user_id, redirect_uri, code_challenge, "
            + "created_at, expires_at) VALUES (:h, :c, :u, :r, :ch, :n, :e)")
        .bind("h", codeHash).bind("c", clientId).bind("u", userId).bind("r", redirectUri).bind("ch", codeChallenge)
        .bind("n", ts(now)).bind("e", ts(expiresAt)).execute();
  }

  /** An authorization code, locked for its exchange. */
  Optional<AuthorizationCode> authorizationCode(String codeHash) {
    return h.createQuery("SELECT code_hash, client_id, user_id, redirect_uri, code_challenge, expires_at, used "
            + "FROM oidc_authorization_code WHERE code_hash = :h FOR UPDATE")
        .bind("h", codeHash)
        .map((rs, ctx) -> new AuthorizationCode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7)))
        .findOne();
  }

  boolean markCodeUsed(String codeHash) {
    return h.createUpdate("UPDATE oidc_authorization_code SET used = TRUE WHERE code_hash = :h AND used = FALSE")
        .bind("h", codeHash).execute() == 1;
  }

  void deleteExpiredAuthorizationCodes(Instant now) {
    h.createUpdate("DELETE FROM oidc_authorization_code WHERE expires_at <= :n").bind("n", ts(now)).execute();
  }

  void addToken(IssuedToken t) {
    h.createUpdate("INSERT INTO oidc_token (token_hash, kind, grant_id, user_id, client_id, scopes, created_at, expires_at) "
            + "VALUES (:h, :k, :g, :u, :c, :s, :n, :e)")
        .bind("h", t.tokenHash()).bind("k", t.kind().name()).bind("g", t.grantId()).bind("u", t.userId())
        .bind("c", t.clientId()).bind("s", String.join(" ", t.scopes())).bind("n", ts(t.createdAt()))
        .bind("e", ts(t.expiresAt())).execute();
  }

  Optional<IssuedToken> token(String tokenHash) {
    return h.createQuery("SELECT token_hash, kind, grant_id, user_id, client_id, scopes, created_at, expires_at, used "
            + "FROM oidc_token "
            + "WHERE token_hash = :h")
        .bind("h", tokenHash)
        .map((rs, ctx) -> new IssuedToken(rs.getString(1), IssuedToken.Kind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getString(5), scopes(rs.getString(6)), rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8).toInstant(), rs.getBoolean(9)))
        .findOne();
  }

  /** Marks a refresh token exchanged; false when another exchange marked it first. */
  boolean markUsed(String tokenHash) {
    return h.createUpdate("UPDATE oidc_token SET used = TRUE WHERE token_hash = :h AND used = FALSE")
        .bind("h", tokenHash).execute() == 1;
  }

  /** Ends the access tokens of a grant (a refresh replaces them). */
  void deleteAccessTokens(String grantId) {
    h.createUpdate("DELETE FROM oidc_token WHERE grant_id = :g AND kind = 'ACCESS'").bind("g", grantId).execute();
  }

  int deleteGrant(String grantId) {
    return h.createUpdate("DELETE FROM oidc_token WHERE grant_id = :g").bind("g", grantId).execute();
  }

  int deleteTokensOf(String userId) {
    return h.createUpdate("DELETE FROM oidc_token WHERE user_id = :u").bind("u", userId).execute();
  }

  void deleteExpiredTokens(Instant now) {
    h.createUpdate("DELETE FROM oidc_token WHERE expires_at <= :n").bind("n", ts(now)).execute();
  }

  private static final String DEVICE_SELECT = "SELECT device_code_hash, user_code, client_id, start_url, status, user_id, "
      + "expires_at, last_poll_at FROM oidc_device_authorization";

  private static DeviceAuthorization device(ResultSet rs) throws SQLException {
    return new DeviceAuthorization(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        DeviceAuthorization.Status.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
        instant(rs.getTimestamp(8)));
  }

  private static List<String> scopes(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
  }
}
