package io.gatehouse.server.iam;

import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The IAM services on one database, with quotas of the test's choosing and a settable clock. */
final class IamFixture implements AutoCloseable {
  static final String ACCOUNT = "111122223333";
  static final String OTHER_ACCOUNT = "444455556666";
  static final String TRUST = IamSdkTest.TRUST;
  static final String READ_S3 = IamSdkTest.READ_S3;

  final Database db;
  final MutableClock clock = new MutableClock();
  final AccessKeys accessKeys;
  final IamTransactions tx;
  final IdentityService identities;
  final ManagedPolicyService policies;
  final CredentialService credentials;
  final AccountSettingsService settings;
  final IamFeature feature;

  IamFixture(Database db, IamQuotas quotas) {
    this.db = db;
    Path dir;
    try {
      dir = Files.createTempDirectory("iam-fixture-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.accessKeys = new AccessKeys(db, Keyring.loadOrCreate(dir.resolve("keyring")), clock);
    this.tx = new IamTransactions(db);
    this.identities = new IdentityService(tx, clock, quotas, accessKeys);
    this.policies = new ManagedPolicyService(tx, clock, quotas);
    this.credentials = new CredentialService(tx, clock, quotas, accessKeys);
    this.settings = new AccountSettingsService(tx);
    this.feature = new IamFeature(db, clock, accessKeys, quotas);
  }

  Identity role(String account, String name) {
    return identities.create(account, new IdentityService.NewIdentity(IdentityKind.ROLE, name, null, null, TRUST, null,
        null, List.of()));
  }

  Identity user(String account, String name) {
    return identities.create(account, new IdentityService.NewIdentity(IdentityKind.USER, name, null, null, null, null,
        null, List.of()));
  }

  Identity group(String account, String name) {
    return identities.create(account, new IdentityService.NewIdentity(IdentityKind.GROUP, name, null, null, null, null,
        null, List.of()));
  }

  @Override
  public void close() {
    db.close();
  }
}
