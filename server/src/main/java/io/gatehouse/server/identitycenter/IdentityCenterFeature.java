package io.gatehouse.server.identitycenter;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * IAM Identity Center: the organization's one instance, and the sso-admin operations that find it
 * ({@code ListInstances}, {@code DescribeInstance}); clients learn the identity store's id from it.
 */
public final class IdentityCenterFeature {
  static final String TOPIC = "identitycenter";
  private final Database db;
  private final Clock clock;
  private final InstanceStore store = new JdbcInstanceStore();

  public IdentityCenterFeature(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public ServiceApi api() {
    return new SsoAdminInstancesApi(this);
  }

  /**
   * Creates the organization's instance if the management account has none; idempotent. A
   * concurrent bootstrap on another server that wins the race is detected by the unique owner and
   * its instance returned.
   */
  public Instance bootstrap(String ownerAccountId, String identityStoreId) {
    var existing = db.withHandle(h -> store.findByOwner(h, ownerAccountId));
    if (existing.isPresent()) return existing.get();
    Instance created = new Instance(Instance.ARN_PREFIX + "ssoins-" + Ids.hex(16), identityStoreId, ownerAccountId,
        null, "ACTIVE", clock.instant().truncatedTo(ChronoUnit.MILLIS));
    try {
      db.inTransaction(h -> {
        store.insert(h, created);
        ChangeLog.append(h, TOPIC);
        return null;
      });
      return created;
    } catch (RuntimeException raced) {
      return db.withHandle(h -> store.findByOwner(h, ownerAccountId)).orElseThrow(() -> raced);
    }
  }

  /** The instance with this ARN as of the handle's transaction, for features that live inside an instance. */
  public Optional<Instance> find(Handle h, String instanceArn) {
    return store.find(h, instanceArn);
  }

  Instance describe(String callerAccountId, String instanceArn) {
    return db.withHandle(h -> store.find(h, instanceArn))
        .filter(i -> i.ownerAccountId().equals(callerAccountId))
        .orElseThrow(() -> new InstanceNotFoundException(instanceArn));
  }

  /** One page of the caller's instances; the page's token is the last ARN when more may follow. */
  Page list(String callerAccountId, Integer maxResults, String nextToken) {
    int limit = maxResults == null ? 10 : maxResults;
    String after = PageToken.decode(nextToken);
    List<Instance> rows = db.withHandle(h -> store.listByOwner(h, callerAccountId, after, limit + 1));
    if (rows.size() <= limit) return new Page(rows, null);
    List<Instance> page = rows.subList(0, limit);
    return new Page(List.copyOf(page), PageToken.encode(page.get(limit - 1).instanceArn()));
  }

  record Page(List<Instance> instances, String nextToken) {}
}
