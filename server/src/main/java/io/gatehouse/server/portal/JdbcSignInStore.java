package io.gatehouse.server.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users, passwords, authenticators and browser sessions (V10), on the caller's handle. */
final class JdbcSignInStore {
  private final Handle h;

  JdbcSignInStore(Handle h) {
    this.h = h;
  }

  Optional<PortalUser> userByName(String identityStoreId, String userName) {
    return h.createQuery("SELECT user_id, identity_store_id, user_name, user_status FROM idstore_users "
            + "WHERE identity_store_id = :s AND user_name_key = :k")
        .bind("s", identityStoreId).bind("k", userName.toLowerCase(Locale.ROOT))
        .map((rs, ctx) -> new PortalUser(rs.getString(1), rs.getString(2), rs.getString(3), "ENABLED".equals(rs.getString(4))))
        .findOne();
  }

  Optional<PortalUser> user(String userId) {
    return h.createQuery("SELECT user_id, identity_store_id, user_name, user_status FROM idstore_users WHERE user_id = :u")
        .bind("u", userId)
        .map((rs, ctx) -> new PortalUser(rs.getString(1), rs.getString(2), rs.getString(3), "ENABLED".equals(rs.getString(4))))
        .findOne();
  }

  Optional<StoredPassword> password(String userId) {
    return h.createQuery("SELECT password_hash, must_change, failed_attempts, locked_until FROM portal_password WHERE user_id = :u")
        .bind("u", userId)
        .map((rs, ctx) -> new StoredPassword(rs.getString(1), rs.getBoolean(2), rs.getInt(3), instant(rs.getTimestamp(4))))
        .findOne();
  }

  void setPassword(String userId, String hash, boolean mustChange, Instant now) {
    int updated = h.createUpdate("UPDATE portal_password SET password_hash = :h, must_change = :m, failed_attempts = 0, "
            + "locked_until = NULL, updated_at = :t WHERE user_id = :u")
        .bind("h", hash).bind("m", mustChange).bind("t", ts(now)).bind("u", userId).execute();
    if (updated == 0) {
      h.createUpdate("INSERT INTO portal_password (user_id, password_hash, must_change, failed_attempts, updated_at) "
              + "VALUES (:u, :h, :m, 0, :t)")
          .bind("u", userId).bind("h", hash).bind("m", mustChange).bind("t", ts(now)).execute();
    }
  }

  /**
   * Counts one more failed sign-in, in one statement so that concurrent attempts all count, and
   * locks the user until {@code lockUntil} when that reaches {@code limit}.
   */
  void recordFailure(String userId, int limit, Instant lockUntil) {
    h.createUpdate("UPDATE portal_password SET failed_attempts = failed_attempts + 1, "
            + "locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END WHERE user_id = :u")
        .bind("max", limit).bind("until", ts(lockUntil)).bind("u", userId).execute();
  }

  void clearFailures(String userId) {
    h.createUpdate("UPDATE portal_password SET failed_attempts = 0, locked_until = NULL WHERE user_id = :u "
            + "AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
        .bind("u", userId).execute();
  }

  List<MfaDevice> devices(String userId) {
    return h.createQuery("SELECT device_id, user_id, sealed_secret, last_step, registered_at FROM portal_mfa_device "
            + "WHERE user_id = :u ORDER BY registered_at, device_id")
        .bind("u", userId)
        .map((rs, ctx) -> new MfaDevice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  void addDevice(MfaDevice d) {
    h.createUpdate("INSERT INTO portal_mfa_device (device_id, user_id, sealed_secret, last_step, registered_at) "
            + "VALUES (:d, :u, :s, :l, :t)")
        .bind("d", d.deviceId()).bind("u", d.userId()).bind("s", d.sealedSecret()).bind("l", d.lastStep())
        .bind("t", ts(d.registeredAt())).execute();
  }

  /** Moves the device's last accepted step forward; false when another request took this step first. */
  boolean acceptStep(String deviceId, long step) {
    return h.createUpdate("UPDATE portal_mfa_device SET last_step = :s WHERE device_id = :d AND last_step < :s")
        .bind("s", step).bind("d", deviceId).execute() == 1;
  }

  boolean deleteDevice(String userId, String deviceId) {
    return h.createUpdate("DELETE FROM portal_mfa_device WHERE user_id = :u AND device_id = :d")
        .bind("u", userId).bind("d", deviceId).execute() == 1;
  }

  void createSession(BrowserSession s, Instant now) {
    h.createUpdate("INSERT INTO portal_session (session_hash, user_id, stage, pending_secret, csrf_token, created_at, expires_at) "
            + "VALUES (:h, :u, :st, :p, :c, :n, :e)")
        .bind("h", s.sessionHash()).bind("u", s.userId()).bind("st", s.stage().name()).bind("p", s.pendingSecret())
        .bind("c", s.csrfToken()).bind("n", ts(now)).bind("e", ts(s.expiresAt())).execute();
  }

  Optional<BrowserSession> session(String sessionHash) {
    return h.createQuery("SELECT session_hash, user_id, stage, pending_secret, csrf_token, expires_at FROM portal_session "
            + "WHERE session_hash = :h")
        .bind("h", sessionHash)
        .map((rs, ctx) -> new BrowserSession(rs.getString(1), rs.getString(2), Stage.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
        .findOne();
  }

  /** Moves a session from one stage to the next; false when it is gone or no longer at {@code from}. */
  boolean advance(String sessionHash, Stage from, Stage to, String pendingSecret, Instant expiresAt) {
    return h.createUpdate("UPDATE portal_session SET stage = :to, pending_secret = :p, expires_at = :e "
            + "WHERE session_hash = :h AND stage = :from")
        .bind("to", to.name()).bind("p", pendingSecret).bind("e", ts(expiresAt)).bind("h", sessionHash)
        .bind("from", from.name()).execute() == 1;
  }

  void deleteSession(String sessionHash) {
    h.createUpdate("DELETE FROM portal_session WHERE session_hash = :h").bind("h", sessionHash).execute();
  }

  int deleteSessionsOf(String userId) {
    return h.createUpdate("DELETE FROM portal_session WHERE user_id = :u").bind("u", userId).execute();
  }

  int countSessions(String userId, Instant now) {
    return h.createQuery("SELECT COUNT(*) FROM portal_session WHERE user_id = :u AND stage = 'SIGNED_IN' AND expires_at > :n")
        .bind("u", userId).bind("n", ts(now)).mapTo(Integer.class).one();
  }

  void deleteExpiredSessions(Instant now) {
    h.createUpdate("DELETE FROM portal_session WHERE expires_at <= :n").bind("n", ts(now)).execute();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
