package io.gatehouse.server.bootstrap;

import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.config.Secret;
import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.identitycenter.Instance;
import io.gatehouse.server.identitystore.IdentityStoreFeature;
import io.gatehouse.server.organizations.OrganizationInfo;
import io.gatehouse.server.organizations.OrganizationsFeature;
import io.gatehouse.server.storage.Database;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the first start creates and every later start finds again: the organization with its
 * management account and root, the identity store, the Identity Center instance, and the root's
 * access key. Each step is idempotent, and the whole runs under {@link BootstrapLock}, so servers
 * starting together on one database create everything exactly once.
 */
public final class Bootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
  static final String ROOT_KEY_SETTING = "bootstrap.root_access_key_id";

  private final ServerConfig config;
  private final Database db;
  private final OrganizationsFeature organizations;
  private final IdentityStoreFeature identityStore;
  private final IdentityCenterFeature identityCenter;
  private final AccessKeys accessKeys;

  public Bootstrap(ServerConfig config, Database db, OrganizationsFeature organizations,
      IdentityStoreFeature identityStore, IdentityCenterFeature identityCenter, AccessKeys accessKeys) {
    this.config = config;
    this.db = db;
    this.organizations = organizations;
    this.identityStore = identityStore;
    this.identityCenter = identityCenter;
    this.accessKeys = accessKeys;
  }

  /** What a server knows about its organization once bootstrapped. */
  public record Result(OrganizationInfo organization, String identityStoreId, Instance instance,
      RootCredentials rootCredentials) {
    public String managementAccountId() {
      return organization.managementAccountId();
    }
  }

  public Result run() {
    try (BootstrapLock lock = BootstrapLock.acquire(db)) {
      OrganizationInfo org = organizations.bootstrap(config.managementEmail());
      String storeId = identityStore.bootstrap();
      Instance instance = identityCenter.bootstrap(org.managementAccountId(), storeId);
      RootCredentials root = rootCredentials(org.managementAccountId());
      LOG.info("organization {} (management account {}, root {}), identity store {}, Identity Center instance {}",
          org.organizationId(), org.managementAccountId(), org.rootId(), storeId, instance.instanceArn());
      return new Result(org, storeId, instance, root);
    }
  }

  private RootCredentials rootCredentials(String accountId) {
    Optional<String> recorded = setting(ROOT_KEY_SETTING);
    if (config.rootAccessKeyId() != null) {
      accessKeys.ensureRootKey(accountId, config.rootAccessKeyId(), config.rootSecretAccessKey().value());
      if (recorded.isEmpty()) recordSetting(ROOT_KEY_SETTING, config.rootAccessKeyId());
      return new RootCredentials(accountId, config.rootAccessKeyId(), config.rootSecretAccessKey(),
          RootCredentials.Origin.CONFIGURED);
    }
    if (recorded.isPresent()) {
      return new RootCredentials(accountId, recorded.get(), null, RootCredentials.Origin.EXISTING);
    }
    String keyId = Ids.uniqueId("AKIA");
    Secret secret = new Secret(Ids.secretAccessKey());
    RootCredentials generated = new RootCredentials(accountId, keyId, secret, RootCredentials.Origin.GENERATED);
    // The file first: if the server dies between the two steps, the next start generates again
    // rather than having stored a key nobody was ever told.
    RootCredentialsFile.write(config.rootCredentialsPath(), generated);
    accessKeys.ensureRootKey(accountId, keyId, secret.value());
    recordSetting(ROOT_KEY_SETTING, keyId);
    return generated;
  }

  private Optional<String> setting(String name) {
    return db.withHandle(h -> h.createQuery("SELECT val FROM settings WHERE name = :name")
        .bind("name", name).mapTo(String.class).findOne());
  }

  private void recordSetting(String name, String value) {
    db.inTransaction(h -> h.createUpdate("INSERT INTO settings(name, val) VALUES (:name, :value)")
        .bind("name", name).bind("value", value).execute());
  }
}
