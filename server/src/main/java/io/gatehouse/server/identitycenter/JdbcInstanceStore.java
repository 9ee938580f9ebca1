package io.gatehouse.server.identitycenter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link InstanceStore} on the {@code sso_instances} table (V5); timestamps are stored as UTC. */
final class JdbcInstanceStore implements InstanceStore {
  private static final String COLUMNS = "instance_arn, identity_store_id, owner_account_id, name, status, created_date";

  @Override
  public Optional<Instance> find(Handle h, String instanceArn) {
    return h.createQuery("SELECT " + COLUMNS + " FROM sso_instances WHERE instance_arn = :arn")
        .bind("arn", instanceArn)
        .map(JdbcInstanceStore::row)
        .findOne();
  }

  @Override
  public Optional<Instance> findByOwner(Handle h, String ownerAccountId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM sso_instances WHERE owner_account_id = :owner")
        .bind("owner", ownerAccountId)
        .map(JdbcInstanceStore::row)
        .findOne();
  }

  @Override
  public List<Instance> listByOwner(Handle h, String ownerAccountId, String afterArn, int limit) {
    return h.createQuery("SELECT " + COLUMNS + " FROM sso_instances WHERE owner_account_id = :owner"
            + " AND instance_arn > :after ORDER BY instance_arn LIMIT :limit")
        .bind("owner", ownerAccountId)
        .bind("after", afterArn == null ? "" : afterArn)
        .bind("limit", limit)
        .map(JdbcInstanceStore::row)
        .list();
  }

  @Override
  public void insert(Handle h, Instance i) {
    h.createUpdate("INSERT INTO sso_instances(" + COLUMNS + ") VALUES (:arn, :store, :owner, :name, :status, :created)")
        .bind("arn", i.instanceArn())
        .bind("store", i.identityStoreId())
        .bind("owner", i.ownerAccountId())
        .bind("name", i.name())
        .bind("status", i.status())
        .bind("created", LocalDateTime.ofInstant(i.createdDate(), ZoneOffset.UTC))
        .execute();
  }

  private static Instance row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Instance(
        rs.getString("instance_arn"),
        rs.getString("identity_store_id"),
        rs.getString("owner_account_id"),
        rs.getString("name"),
        rs.getString("status"),
        rs.getObject("created_date", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
