package io.gatehouse.server.auth;

import io.gatehouse.server.core.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link AccessKeyStore} in SQL that runs on H2 (PostgreSQL mode) and PostgreSQL; times are UTC. */
final class JdbcAccessKeyStore implements AccessKeyStore {
  private static final String COLUMNS = "access_key_id, account_id, principal_arn, principal_user_id, principal_type, "
      + "secret_sealed, status, created_at, last_used_at, last_used_region, last_used_service";

  @Override
  public Optional<StoredAccessKey> find(Handle handle, String accessKeyId) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM access_keys WHERE access_key_id = :id")
        .bind("id", accessKeyId)
        .map(JdbcAccessKeyStore::row)
        .findOne();
  }

  @Override
  public List<StoredAccessKey> all(Handle handle) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM access_keys ORDER BY access_key_id")
        .map(JdbcAccessKeyStore::row)
        .list();
  }

  @Override
  public List<StoredAccessKey> forPrincipal(Handle handle, String principalUserId) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM access_keys WHERE principal_user_id = :p ORDER BY created_at, access_key_id")
        .bind("p", principalUserId)
        .map(JdbcAccessKeyStore::row)
        .list();
  }

  @Override
  public boolean insertIfAbsent(Handle handle, StoredAccessKey key) {
    return handle.createUpdate("INSERT INTO access_keys (access_key_id, account_id, principal_arn, principal_user_id, "
            + "principal_type, secret_sealed, status, created_at) VALUES (:id, :account, :arn, :userId, :type, :secret, "
            + ":status, :created) ON CONFLICT DO NOTHING")
        .bind("id", key.accessKeyId())
        .bind("account", key.accountId())
        .bind("arn", key.principalArn())
        .bind("userId", key.principalUserId())
        .bind("type", key.principalType().name())
        .bind("secret", key.secretSealed())
        .bind("status", key.status().wireName())
        .bind("created", utc(key.createdAt()))
        .execute() == 1;
  }

  @Override
  public boolean updateSecret(Handle handle, String accessKeyId, String secretSealed) {
    return handle.createUpdate("UPDATE access_keys SET secret_sealed = :secret WHERE access_key_id = :id")
        .bind("secret", secretSealed)
        .bind("id", accessKeyId)
        .execute() == 1;
  }

  @Override
  public boolean updateStatus(Handle handle, String accessKeyId, AccessKeyStatus status) {
    return handle.createUpdate("UPDATE access_keys SET status = :status WHERE access_key_id = :id")
        .bind("status", status.wireName())
        .bind("id", accessKeyId)
        .execute() == 1;
  }

  @Override
  public boolean delete(Handle handle, String accessKeyId) {
    return handle.createUpdate("DELETE FROM access_keys WHERE access_key_id = :id").bind("id", accessKeyId).execute() == 1;
  }

  @Override
  public int updatePrincipalArn(Handle handle, String principalUserId, String principalArn) {
    return handle.createUpdate("UPDATE access_keys SET principal_arn = :arn WHERE principal_user_id = :p")
        .bind("arn", principalArn)
        .bind("p", principalUserId)
        .execute();
  }

  @Override
  public boolean recordLastUse(Handle handle, String accessKeyId, Instant at, String region, String service) {
    return handle.createUpdate("UPDATE access_keys SET last_used_at = :at, last_used_region = :region, "
            + "last_used_service = :service WHERE access_key_id = :id AND (last_used_at IS NULL OR last_used_at < :at)")
        .bind("at", utc(at))
        .bind("region", region)
        .bind("service", service)
        .bind("id", accessKeyId)
        .execute() == 1;
  }

  private static StoredAccessKey row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredAccessKey(
        rs.getString("access_key_id"),
        rs.getString("account_id"),
        rs.getString("principal_arn"),
        rs.getString("principal_user_id"),
        Caller.PrincipalType.valueOf(rs.getString("principal_type")),
        rs.getString("secret_sealed"),
        AccessKeyStatus.fromWire(rs.getString("status")),
        instant(rs.getObject("created_at", LocalDateTime.class)),
        instant(rs.getObject("last_used_at", LocalDateTime.class)),
        rs.getString("last_used_region"),
        rs.getString("last_used_service"));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
