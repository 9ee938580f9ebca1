package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.awsprotocol.CallAuthorizer;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Enforcement over empty snapshots: who needs no policy, who is refused, and what is left to the operation. */
class EnforcementTest {
  static final String ACCOUNT = "111122223333";
  static final Caller ROOT = Caller.root(ACCOUNT, "AKIAROOTROOTROOTROOT");
  static final Caller UNKNOWN_USER = new Caller(ACCOUNT, "arn:aws:iam::111122223333:user/ghost", "AIDAGHOSTGHOSTGHOST1",
      Caller.PrincipalType.USER, "AKIAGHOSTGHOSTGHOST1");

  final Enforcement enforcement = new Enforcement(OperationCatalog.load(),
      new CallerPolicies(IamSnapshot::empty, OrganizationTree::empty, CallerSessions.NONE));

  static CallAuthorizer.Call call(String service, String operation, Caller caller, String input) {
    return new CallAuthorizer.Call(service, operation, caller, ResourceArnsTest.input(input), "us-east-1", "203.0.113.9", false,
        Instant.parse("2026-11-23T18:00:00Z"));
  }

  @Test
  void theRootUserMayDoAnythingInItsAccount() {
    assertThatCode(() -> enforcement.authorize(call("iam", "DeleteRole", ROOT, "{'RoleName':'x'}"))).doesNotThrowAnyException();
    assertThatCode(() -> enforcement.authorize(call("organizations", "ListAccounts", ROOT, "{}"))).doesNotThrowAnyException();
  }

  @Test
  void aUserTheSnapshotDoesNotKnowHasNoPermissions() {
    assertThatThrownBy(() -> enforcement.authorize(call("iam", "GetRole", UNKNOWN_USER, "{'RoleName':'x'}")))
        .isInstanceOf(CallAuthorizer.Denied.class)
        .hasMessage("User: arn:aws:iam::111122223333:user/ghost is not authorized to perform: iam:GetRole on resource:"
            + " arn:aws:iam::111122223333:role/x because no identity-based policy allows the iam:GetRole action");
  }

  @Test
  void someOperationsNeedNoPermissionOrDecideThemselves() {
    // GetCallerIdentity and GetSessionToken need no permission; AssumeRole weighs the trust policy in sts
    assertThatCode(() -> enforcement.authorize(call("sts", "GetCallerIdentity", UNKNOWN_USER, "{}"))).doesNotThrowAnyException();
    assertThatCode(() -> enforcement.authorize(call("sts", "GetSessionToken", UNKNOWN_USER, "{}"))).doesNotThrowAnyException();
    assertThatCode(() -> enforcement.authorize(call("sts", "AssumeRole", UNKNOWN_USER,
        "{'RoleArn':'arn:aws:iam::111122223333:role/x','RoleSessionName':'s1'}"))).doesNotThrowAnyException();
    // the portal API is unsigned: its bearer token decides
    assertThatCode(() -> enforcement.authorize(call("sso", "ListAccounts", null, "{}"))).doesNotThrowAnyException();
  }

  @Test
  void aCheckedOperationWithoutACallerIsRefused() {
    assertThatThrownBy(() -> enforcement.authorize(call("iam", "ListRoles", null, "{}"))).isInstanceOf(CallAuthorizer.Denied.class);
    assertThatThrownBy(() -> enforcement.authorize(call("iam", "NoSuchOperation", ROOT, "{}"))).isInstanceOf(CallAuthorizer.Denied.class);
  }

  @Test
  void iamListsAreAuthorizedOnTheListedPath() {
    assertThatThrownBy(() -> enforcement.authorize(call("iam", "ListRoles", UNKNOWN_USER, "{'PathPrefix':'/app/'}")))
        .hasMessageContaining("iam:ListRoles on resource: arn:aws:iam::111122223333:role/app/ because");
    assertThatThrownBy(() -> enforcement.authorize(call("iam", "ListUsers", UNKNOWN_USER, "{}")))
        .hasMessageContaining("iam:ListUsers on resource: arn:aws:iam::111122223333:user/ because");
  }
}
