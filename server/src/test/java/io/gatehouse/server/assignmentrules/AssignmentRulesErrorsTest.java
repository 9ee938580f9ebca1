package io.gatehouse.server.assignmentrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.awsprotocol.InProcessAws;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.testing.TestDatabases;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get the gatehouse model's own error shapes, with clear messages, and change nothing. */
class AssignmentRulesErrorsTest {
  private static RulesWorld w;
  private static String group;
  private static String ps;
  private static String ou;

  @BeforeAll
  static void world() {
    w = new RulesWorld(TestDatabases.h2());
    group = w.group("Platform-Engineers");
    ps = w.permissionSet();
    ou = w.ou(w.rootId, "Production");
  }

  @AfterAll
  static void close() {
    w.close();
  }

  private static Map<String, Object> rule(Map<String, Object> scope) {
    Map<String, Object> in = new HashMap<>(Map.of("InstanceArn", w.instanceArn, "PermissionSetArn", ps,
        "PrincipalType", "GROUP", "PrincipalId", group));
    if (scope != null) in.put("Scope", scope);
    return in;
  }

  private static InProcessAws.Response create(Map<String, Object> input) {
    return w.call("gatehouse", "CreateAssignmentRule", input);
  }

  private static void assertError(InProcessAws.Response r, int status, String code, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.errorCode()).isEqualTo(code);
    assertThat(r.json().path("message").asText(r.json().path("Message").asText())).containsIgnoringCase(messagePart);
  }

  @Test
  void aScopeNeedsExactlyOneOfAnOuAndATag() {
    assertError(create(rule(null)), 400, "ValidationException", "Scope");
    assertError(create(rule(Map.of())), 400, "ValidationException", "exactly one of OrganizationalUnitId and AccountTag");
    assertError(create(rule(Map.of("OrganizationalUnitId", ou, "AccountTag", Map.of("Key", "k", "Value", "v")))),
        400, "ValidationException", "exactly one of");
    assertError(create(rule(Map.of("AccountTag", Map.of("Key", "k")))), 400, "ValidationException", "Value");
    assertError(create(rule(Map.of("OrganizationalUnitId", "Production"))), 400, "ValidationException", "OrganizationalUnitId");
  }

  @Test
  void whatARuleNamesMustExist() {
    assertError(create(rule(Map.of("OrganizationalUnitId", "ou-zzzz-zzzzzzzz"))), 404, "ResourceNotFoundException",
        "The organizational unit ou-zzzz-zzzzzzzz does not exist.");
    Map<String, Object> unknownSet = rule(Map.of("OrganizationalUnitId", ou));
    String missingSet = ps.substring(0, ps.lastIndexOf("/ps-")) + "/ps-0000000000000000";
    unknownSet.put("PermissionSetArn", missingSet);
    assertError(create(unknownSet), 404, "ResourceNotFoundException", "The permission set " + missingSet + " does not exist.");
    Map<String, Object> unknownGroup = rule(Map.of("OrganizationalUnitId", ou));
    unknownGroup.put("PrincipalId", "00000000-0000-0000-0000-000000000000");
    assertError(create(unknownGroup), 404, "ResourceNotFoundException", "The group 00000000-0000-0000-0000-000000000000 does not exist");
    Map<String, Object> unknownUser = rule(Map.of("OrganizationalUnitId", ou));
    unknownUser.put("PrincipalType", "USER");
    assertError(create(unknownUser), 404, "ResourceNotFoundException", "The user " + group + " does not exist");
    Map<String, Object> otherInstance = rule(Map.of("OrganizationalUnitId", ou));
    otherInstance.put("InstanceArn", "arn:aws:sso:::instance/ssoins-0000000000000000");
    assertError(create(otherInstance), 404, "ResourceNotFoundException", "The instance");
    assertError(w.call("gatehouse", "DescribeAssignmentRule", Map.of("InstanceArn", w.instanceArn,
        "AssignmentRuleId", "ar-0000000000000000")), 404, "ResourceNotFoundException", "ar-0000000000000000");
    assertError(w.call("gatehouse", "DeleteAssignmentRule", Map.of("InstanceArn", w.instanceArn,
        "AssignmentRuleId", "ar-0000000000000000")), 404, "ResourceNotFoundException", "ar-0000000000000000");
    assertError(w.call("gatehouse", "DescribeAssignmentRule", Map.of("InstanceArn", w.instanceArn,
        "AssignmentRuleId", "rule-1")), 400, "ValidationException", "AssignmentRuleId");
    // None of the refused rules was made (the other tests here make only tag rules).
    assertThat(w.ok("gatehouse", "ListAssignmentRules", Map.of("InstanceArn", w.instanceArn)).get("AssignmentRules")
        .findValuesAsText("OrganizationalUnitId")).isEmpty();
  }

  @Test
  void aSecondIdenticalRuleIsAConflict() {
    String tagGroup = w.group("Tagged");
    Map<String, Object> in = rule(Map.of("AccountTag", Map.of("Key", "team", "Value", "web")));
    in.put("PrincipalId", tagGroup);
    String first = w.ok("gatehouse", "CreateAssignmentRule", in).at("/AssignmentRule/AssignmentRuleId").asText();

    assertError(create(in), 409, "ConflictException", first);
    in.put("Scope", Map.of("AccountTag", Map.of("Key", "team", "Value", "api")));
    assertThat(create(in).status()).isEqualTo(200);
  }

  @Test
  void aMemberAccountIsDenied() {
    Caller management = w.aws.caller();
    try {
      w.aws.as(Caller.root("111122223333", "AKIAMEMBER0000000000"));
      assertError(w.call("gatehouse", "ListAssignmentRules", Map.of("InstanceArn", w.instanceArn)), 400,
          "AccessDeniedException", "management account");
      assertError(create(rule(Map.of("OrganizationalUnitId", ou))), 400, "AccessDeniedException", "management account");
    } finally {
      w.aws.as(management);
    }
  }

  @Test
  void anInvalidPageTokenIsAValidationError() {
    assertError(w.call("gatehouse", "ListAssignmentRules", Map.of("InstanceArn", w.instanceArn, "NextToken", "bm90LWEtbnVtYmVy")),
        400, "ValidationException", "pagination token");
  }
}
