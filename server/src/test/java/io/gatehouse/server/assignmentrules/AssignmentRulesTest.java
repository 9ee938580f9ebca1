package io.gatehouse.server.assignmentrules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.storage.Database;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules expand into assignments whose origin is the rule, follow the organization as accounts are
 * created, moved, tagged and closed, and take back exactly what they made — on H2 and PostgreSQL,
 * through the wire API in-process (the assignments feature is a transactional test double here;
 * {@code AssignmentRulesServerTest} runs the real one).
 */
class AssignmentRulesTest {
  private static final String DBS = "io.gatehouse.server.testing.TestDatabases#all";

  @ParameterizedTest
  @MethodSource(DBS)
  void anOuRuleAssignsEveryActiveAccountUnderTheOuNestedOnesToo(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String web = w.ou(prod, "Web");
      String dev = w.ou(w.rootId, "Development");
      String a1 = w.accountIn(prod);
      String a2 = w.accountIn(web);
      w.accountIn(dev);
      String group = w.group("Platform-Engineers");
      String ps = w.permissionSet();

      JsonNode rule = w.ouRule(ps, group, prod);
      String id = rule.get("AssignmentRuleId").asText();

      assertThat(id).matches("ar-[0-9a-f]{16}");
      assertThat(rule.get("AssignmentRuleArn").asText()).isEqualTo("arn:aws:gatehouse:::assignmentRule/" + id);
      assertThat(rule.get("Origin").asText()).isEqualTo("rule/" + id);
      assertThat(rule.at("/Scope/OrganizationalUnitId").asText()).isEqualTo(prod);
      assertThat(rule.get("AccountsInScope").asInt()).isEqualTo(2);
      assertThat(rule.get("AssignmentCount").asInt()).isEqualTo(2);
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactlyInAnyOrder(a1, a2);
      assertThat(w.accountsOfRule(id)).containsExactlyInAnyOrder(a1, a2);
      assertThat(w.assignments.all(w.db)).allSatisfy(r -> {
        assertThat(r.target().permissionSetArn()).isEqualTo(ps);
        assertThat(r.target().principalId()).isEqualTo(group);
      });
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void accountsMovedInGainTheAssignmentAndAccountsMovedOutLoseIt(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String web = w.ou(prod, "Web");
      String dev = w.ou(w.rootId, "Development");
      String group = w.group("Platform-Engineers");
      String ps = w.permissionSet();
      String id = w.ouRule(ps, group, prod).get("AssignmentRuleId").asText();
      assertThat(w.accountsWithOrigin("rule/" + id)).isEmpty();

      // Created later (at the root, as CreateAccount does) and moved into a nested OU: assigned in the move's transaction.
      String later = w.accountIn(web);
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(later);

      w.move(later, web, dev);
      assertThat(w.accountsWithOrigin("rule/" + id)).isEmpty();

      w.move(later, dev, prod);
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(later);
      assertThat(w.describe(id).get("AssignmentCount").asInt()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void aRuleOnTheRootCoversEveryAccountIncludingOnesCreatedLater(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String group = w.group("Security-Audit");
      String ps = w.permissionSet();
      String id = w.ouRule(ps, group, w.rootId).get("AssignmentRuleId").asText();
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(w.managementAccountId);

      String created = w.account();

      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactlyInAnyOrder(w.managementAccountId, created);
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void aTagRuleFollowsTheAccountsTags(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String tagged = w.account("env", "prod");
      String other = w.account("env", "Prod");
      String untagged = w.account();
      String group = w.group("Developers");
      String ps = w.permissionSet();

      JsonNode rule = w.tagRule(ps, group, "env", "prod");
      String id = rule.get("AssignmentRuleId").asText();
      assertThat(rule.at("/Scope/AccountTag/Key").asText()).isEqualTo("env");
      assertThat(rule.at("/Scope/AccountTag/Value").asText()).isEqualTo("prod");
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(tagged);

      // Created with the tag: assigned in CreateAccount's transaction.
      String createdTagged = w.account("env", "prod");
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactlyInAnyOrder(tagged, createdTagged);

      // Tags change through TagResource / UntagResource; the server expands on the change feed's organizations topic.
      w.tag(untagged, "env", "prod");
      w.tag(other, "env", "prod");
      w.untag(tagged, "env");
      w.rules.expand();
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactlyInAnyOrder(createdTagged, untagged, other);
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void closingAnAccountTakesItOutOfEveryRulesScope(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String a1 = w.accountIn(prod);
      String a2 = w.accountIn(prod);
      String id = w.ouRule(w.permissionSet(), w.group("Ops"), prod).get("AssignmentRuleId").asText();

      w.ok("organizations", "CloseAccount", Map.of("AccountId", a1));
      w.rules.expand();

      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(a2);
      assertThat(w.describe(id).get("AccountsInScope").asInt()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void deletingARuleRemovesExactlyTheAssignmentsItMade(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String a1 = w.accountIn(prod);
      String a2 = w.accountIn(prod);
      String group = w.group("Platform-Engineers");
      String ps = w.permissionSet();
      String otherPs = w.permissionSet();
      // Made by CreateAccountAssignment before the rule: the rule finds it there and leaves it to its origin.
      w.assignments.createByApi(w.db, w.target(ps, group, a1));
      String id = w.ouRule(ps, group, prod).get("AssignmentRuleId").asText();
      String otherId = w.ouRule(otherPs, group, prod).get("AssignmentRuleId").asText();
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(a2);
      JsonNode described = w.describe(id);
      assertThat(described.get("AccountsInScope").asInt()).isEqualTo(2);
      assertThat(described.get("AssignmentCount").asInt()).isEqualTo(1);

      w.delete(id);

      assertThat(w.accountsWithOrigin("rule/" + id)).isEmpty();
      assertThat(w.accountsWithOrigin("api")).containsExactly(a1);
      assertThat(w.accountsWithOrigin("rule/" + otherId)).containsExactlyInAnyOrder(a1, a2);
      assertThat(w.call("gatehouse", "DescribeAssignmentRule", Map.of("InstanceArn", w.instanceArn, "AssignmentRuleId", id))
          .errorCode()).isEqualTo("ResourceNotFoundException");
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void whenTheRuleThatMadeAnAssignmentGoesAnOverlappingRuleTakesItOver(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String a1 = w.accountIn(prod, "team", "web");
      String group = w.group("Platform-Engineers");
      String ps = w.permissionSet();
      String byOu = w.ouRule(ps, group, prod).get("AssignmentRuleId").asText();
      String byTag = w.tagRule(ps, group, "team", "web").get("AssignmentRuleId").asText();
      assertThat(w.accountsWithOrigin("rule/" + byOu)).containsExactly(a1);
      assertThat(w.accountsWithOrigin("rule/" + byTag)).isEmpty();

      w.delete(byOu);

      assertThat(w.accountsWithOrigin("rule/" + byTag)).containsExactly(a1);
      assertThat(w.assignments.all(w.db)).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void rulesAreListedOldestFirstPageByPage(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String group = w.group("g");
      String first = w.ouRule(w.permissionSet(), group, w.rootId).get("AssignmentRuleId").asText();
      String second = w.tagRule(w.permissionSet(), group, "k", "").get("AssignmentRuleId").asText();
      String third = w.ouRule(w.permissionSet(), group, w.rootId).get("AssignmentRuleId").asText();

      JsonNode page1 = w.ok("gatehouse", "ListAssignmentRules", Map.of("InstanceArn", w.instanceArn, "MaxResults", 2));
      JsonNode page2 = w.ok("gatehouse", "ListAssignmentRules", Map.of("InstanceArn", w.instanceArn, "MaxResults", 2,
          "NextToken", page1.get("NextToken").asText()));

      assertThat(page1.get("AssignmentRules").findValuesAsText("AssignmentRuleId")).containsExactly(first, second);
      assertThat(page2.get("AssignmentRules").findValuesAsText("AssignmentRuleId")).containsExactly(third);
      assertThat(page2.has("NextToken")).isFalse();
      assertThat(page1.get("AssignmentRules").get(1).at("/Scope/AccountTag/Value").asText()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void aRuleWhosePrincipalOrPermissionSetIsGoneTakesBackItsAssignmentsAndSaysWhy(Supplier<Database> database) {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String a1 = w.accountIn(prod);
      String group = w.group("Contractors");
      String ps = w.permissionSet();
      String keptGroup = w.group("Employees");
      String id = w.ouRule(ps, group, prod).get("AssignmentRuleId").asText();
      String kept = w.ouRule(ps, keptGroup, prod).get("AssignmentRuleId").asText();
      assertThat(w.describe(id).has("StatusReason")).isFalse();

      w.permissionSets.remove(ps);
      w.rules.expand();
      assertThat(w.accountsWithOrigin("rule/" + id)).isEmpty();
      assertThat(w.describe(id).get("StatusReason").asText()).isEqualTo(
          "The permission set " + ps + " no longer exists; the rule assigns nothing.");

      w.permissionSets.add(ps);
      w.rules.expand();
      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(a1);
      assertThat(w.describe(id).has("StatusReason")).isFalse();

      w.ok("identitystore", "DeleteGroup", Map.of("IdentityStoreId", w.identityStoreId, "GroupId", group));
      w.rules.expand();
      assertThat(w.accountsWithOrigin("rule/" + id)).isEmpty();
      assertThat(w.describe(id).get("StatusReason").asText()).isEqualTo(
          "The group " + group + " no longer exists; the rule assigns nothing.");
      assertThat(w.accountsWithOrigin("rule/" + kept)).containsExactly(a1);
    }
  }

  @ParameterizedTest
  @MethodSource(DBS)
  void aMoveDoesNotWaitForABusyRuleLockAndTheFollowingExpansionCatchesUp(Supplier<Database> database) throws Exception {
    try (RulesWorld w = new RulesWorld(database.get())) {
      String prod = w.ou(w.rootId, "Production");
      String id = w.ouRule(w.permissionSet(), w.group("Ops"), prod).get("AssignmentRuleId").asText();
      String account = w.account();
      java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      // Another server's long rule write, holding the rule lock.
      Thread holder = new Thread(() -> w.db.inTransaction(h -> {
        new JdbcRuleStore().lock(h);
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      holder.start();
      held.await();
      try {
        w.move(account, w.rootId, prod);
        assertThat(w.accountsWithOrigin("rule/" + id)).isEmpty();
      } finally {
        release.countDown();
        holder.join();
      }

      w.rules.expand(); // what the change feed runs after the move's commit

      assertThat(w.accountsWithOrigin("rule/" + id)).containsExactly(account);
    }
  }
}
