package io.gatehouse.server.assignments;

import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.awsprotocol.InProcessAws;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.iam.IamFeature;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.identitystore.IdentityStoreFeature;
import io.gatehouse.server.organizations.OrganizationInfo;
import io.gatehouse.server.organizations.OrganizationsFeature;
import io.gatehouse.server.permissionsets.PermissionSetFeature;
import io.gatehouse.server.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The features assignments build on, in process on one database, with a management account, an
 * identity store, an instance, and helpers that create accounts, groups and permission sets through
 * their APIs. {@link #assignments} has its worker NOT started: tests drive it with
 * {@link AssignmentFeature#provisionPending()}.
 */
final class AssignmentWorld {
  final Database db;
  final OrganizationInfo org;
  final String identityStoreId;
  final String instanceArn;
  final AssignmentFeature assignments;
  final InProcessAws aws;

  AssignmentWorld(Database db, Path keyringDir) {
    this.db = db;
    Clock clock = Clock.systemUTC();
    OrganizationsFeature orgs = new OrganizationsFeature(db, clock);
    IdentityStoreFeature identityStore = new IdentityStoreFeature(db, clock);
    IdentityCenterFeature identityCenter = new IdentityCenterFeature(db, clock);
    IamFeature iam = new IamFeature(db, clock, new AccessKeys(db, Keyring.loadOrCreate(keyringDir.resolve("keyring")), clock));
    PermissionSetFeature permissionSets = new PermissionSetFeature(db, clock, identityCenter);
    this.org = orgs.bootstrap("management@example.com");
    this.identityStoreId = identityStore.bootstrap();
    this.instanceArn = identityCenter.bootstrap(org.managementAccountId(), identityStoreId).instanceArn();
    this.assignments = new AssignmentFeature(db, clock, identityCenter, permissionSets, iam, 200, Duration.ofMillis(50));
    this.aws = new InProcessAws(List.of(orgs.api(), identityStore.api(), permissionSets.api(), assignments.api()), clock)
        .as(Caller.root(org.managementAccountId(), "AKIAIOSFODNN7EXAMPLE"));
  }

  String account() {
    String n = "a-" + UUID.randomUUID().toString().substring(0, 8);
    return ok(aws.json("organizations", "CreateAccount", Map.of("AccountName", n, "Email", n + "@example.com")))
        .json().path("CreateAccountStatus").path("AccountId").asText();
  }

  String group() {
    return ok(aws.json("identitystore", "CreateGroup", Map.of("IdentityStoreId", identityStoreId,
        "DisplayName", "g-" + UUID.randomUUID()))).json().path("GroupId").asText();
  }

  String permissionSet(String name) {
    String arn = ok(aws.json("sso-admin", "CreatePermissionSet", Map.of("InstanceArn", instanceArn, "Name", name)))
        .json().path("PermissionSet").path("PermissionSetArn").asText();
    ok(aws.json("sso-admin", "AttachManagedPolicyToPermissionSet", Map.of("InstanceArn", instanceArn,
        "PermissionSetArn", arn, "ManagedPolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess")));
    return arn;
  }

  AssignmentTarget target(String set, String group, String account) {
    return new AssignmentTarget(instanceArn, set, PrincipalType.GROUP, group, account);
  }

  /** Reserved roles in IAM for the slot (0 or 1 if all is well). */
  int rolesIn(String account, String setName) {
    return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM iam_identity WHERE account_id = :a AND kind = 'ROLE' "
            + "AND path = '/aws-reserved/sso.amazonaws.com/' AND name LIKE :n")
        .bind("a", account).bind("n", "AWSReservedSSO_" + setName + "_%").mapTo(Integer.class).one());
  }

  private static InProcessAws.Response ok(InProcessAws.Response r) {
    if (r.status() != 200) throw new IllegalStateException(r.status() + " " + r.body());
    return r;
  }
}
