package io.gatehouse.server.organizations;

import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.time.Instant;
import java.util.List;

/** A bootstrapped organization on a fresh H2 database, with direct access to the services. */
final class OrganizationsFixture implements AutoCloseable {
  static final String MANAGEMENT_EMAIL = "admin@example.com";
  static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  static final String DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
  /** RCPs name their principal: always "*". */
  static final String RCP_DENY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

  final Database db;
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  final OrganizationTransactions tx;
  final StructureService structure;
  final AccountService accounts;
  final PolicyService policies;
  final OrganizationsFeature feature;
  final OrganizationInfo info;

  OrganizationsFixture() {
    this(TestDatabases.h2(), true);
  }

  OrganizationsFixture(Database db, boolean bootstrap) {
    this.db = db;
    this.tx = new OrganizationTransactions(db);
    this.structure = new StructureService(tx, clock, OrganizationQuotas.DEFAULTS);
    this.accounts = new AccountService(tx, clock, OrganizationQuotas.DEFAULTS);
    this.policies = new PolicyService(tx, OrganizationQuotas.DEFAULTS);
    this.feature = new OrganizationsFeature(db, clock);
    this.info = bootstrap ? feature.bootstrap(MANAGEMENT_EMAIL) : null;
  }

  String rootId() {
    return info.rootId();
  }

  OrganizationalUnit ou(String parentId, String name) {
    return structure.createOrganizationalUnit(parentId, name, List.of());
  }

  /** Creates a member account and returns its id. */
  String account(String name) {
    AccountCreation c = accounts.createAccount(name.toLowerCase() + "@example.com", name, null, List.of());
    return c.accountId();
  }

  Policy scp(String name, String content) {
    return policies.createPolicy(content, "test policy " + name, name, "SERVICE_CONTROL_POLICY", List.of());
  }

  List<String> attachedIds(String targetId, String type) {
    return policies.listPoliciesForTarget(targetId, type, Keyset.all()).items().stream().map(Policy::id).toList();
  }

  @Override
  public void close() {
    db.close();
  }
}
