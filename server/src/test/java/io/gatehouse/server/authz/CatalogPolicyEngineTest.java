package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.policy.Decision;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.authz.ResolvedCaller.PrincipalKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A catalog entry and a request context, decided by the real policy engine. */
class CatalogPolicyEngineTest {
  static final Authorizer AUTHORIZER = Authorizer.aws();
  static final String ACCOUNT = "111122223333";
  /** The path of each existing role, as the enforcement layer's snapshot would know it. */
  static final Map<String, String> ROLE_PATHS = Map.of("x", "/app/", "y", "/ops/");
  static final ArnResolver SNAPSHOT = (type, variable, bound) -> switch (variable) {
    case "RoleNameWithPath" -> {
      String path = ROLE_PATHS.get(bound.get("RoleName"));
      yield path == null ? null : path.substring(1) + bound.get("RoleName");
    }
    default -> ArnResolver.of(ACCOUNT, null).resolve(type, variable, bound);
  };

  static PolicySet identity(String json) {
    return PolicySet.builder().identityPolicy(PolicyParser.parse(json, PolicyType.IDENTITY).policy().orElseThrow()).build();
  }

  static ResolvedCaller alice(Map<String, String> tags) {
    return new ResolvedCaller(ACCOUNT, "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice",
        PrincipalKind.USER, "AIDAEXAMPLEUSERID123", "alice", tags, null, List.of(), false, null, null, "203.0.113.7", true,
        "us-east-1", RequestContextKeysTest.NOW);
  }

  static AuthorizationResult decide(ResolvedCaller caller, String service, String operation, String input, PolicySet policies) {
    CatalogEntry entry = OperationCatalogTest.CATALOG.find(service, operation);
    List<String> arns = entry.resourceArns(ResourceArnsTest.input(input), SNAPSHOT);
    assertThat(arns).hasSize(1);
    AuthorizationRequest request = RequestContextKeys.request(caller, entry, arns.getFirst(), ResourceArnsTest.input(input), Map.of()).build();
    return AUTHORIZER.authorize(request, policies);
  }

  @Test
  void getRoleIsAllowedOnlyUnderTheAllowedPath() {
    PolicySet policies = identity("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111122223333:role/app/*"}]}""");
    AuthorizationResult x = decide(alice(Map.of()), "iam", "GetRole", "{'RoleName':'x'}", policies);
    assertThat(x.decision()).isEqualTo(Decision.Allowed);
    AuthorizationResult y = decide(alice(Map.of()), "iam", "GetRole", "{'RoleName':'y'}", policies);
    assertThat(y.decision()).isEqualTo(Decision.ImplicitlyDenied);
    assertThat(y.explanation()).contains("iam:GetRole").contains("arn:aws:iam::111122223333:role/ops/y");
    // Another action on the allowed role is not allowed by that policy.
    assertThat(decide(alice(Map.of()), "iam", "DeleteRole", "{'RoleName':'x'}", policies).decision())
        .isEqualTo(Decision.ImplicitlyDenied);
  }

  @Test
  void requestAndPrincipalKeysReachTheEngine() {
    // Alice may attach only ReadOnlyAccess, and only while tagged team=red.
    PolicySet policies = identity("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"*",
          "Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"},
                       "StringEquals":{"aws:PrincipalTag/team":"red","aws:username":"alice"}}}]}""");
    String readOnly = "{'RoleName':'x','PolicyArn':'arn:aws:iam::aws:policy/ReadOnlyAccess'}";
    String admin = "{'RoleName':'x','PolicyArn':'arn:aws:iam::aws:policy/AdministratorAccess'}";
    assertThat(decide(alice(Map.of("team", "red")), "iam", "AttachRolePolicy", readOnly, policies).decision()).isEqualTo(Decision.Allowed);
    assertThat(decide(alice(Map.of("team", "red")), "iam", "AttachRolePolicy", admin, policies).decision()).isEqualTo(Decision.ImplicitlyDenied);
    assertThat(decide(alice(Map.of("team", "blue")), "iam", "AttachRolePolicy", readOnly, policies).decision()).isEqualTo(Decision.ImplicitlyDenied);
  }

  @Test
  void tagOnCreateIsDeniedByAnExplicitDenyOnRequestTags() {
    PolicySet policies = identity("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"iam:CreateRole","Resource":"*"},
          {"Effect":"Deny","Action":"iam:CreateRole","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"admin"}}}]}""");
    assertThat(decide(alice(Map.of()), "iam", "CreateRole", "{'RoleName':'n','Tags':[{'Key':'team','Value':'red'}]}", policies).decision())
        .isEqualTo(Decision.Allowed);
    assertThat(decide(alice(Map.of()), "iam", "CreateRole", "{'RoleName':'n','Tags':[{'Key':'admin','Value':'yes'}]}", policies).decision())
        .isEqualTo(Decision.ExplicitlyDenied);
  }
}
