package io.gatehouse.server.assignmentrules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.awsprotocol.InProcessAws;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.identitystore.IdentityStoreFeature;
import io.gatehouse.server.organizations.OrganizationInfo;
import io.gatehouse.server.organizations.OrganizationsFeature;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An organization with an identity store, an Identity Center instance and the rules feature over
 * {@link TableAssignments}, driven through the wire APIs in-process as the management account.
 * Permission sets are ARNs the test declares to exist.
 */
final class RulesWorld implements AutoCloseable {
  final Database db;
  final OrganizationsFeature organizations;
  final TableAssignments assignments;
  final Set<String> permissionSets = ConcurrentHashMap.newKeySet();
  final AssignmentRulesFeature rules;
  final InProcessAws aws;
  final String managementAccountId;
  final String rootId;
  final String identityStoreId;
  final String instanceArn;
  private int accounts;

  RulesWorld(Database db) {
    this(db, true);
  }

  /** @param bootstrap false for a second "server" on a database another world bootstrapped */
  private RulesWorld(Database db, boolean bootstrap) {
    this.db = db;
    Clock clock = Clock.systemUTC();
    organizations = new OrganizationsFeature(db, clock);
    IdentityStoreFeature identityStore = new IdentityStoreFeature(db, clock);
    IdentityCenterFeature identityCenter = new IdentityCenterFeature(db, clock);
    OrganizationInfo org = organizations.bootstrap("management@example.com");
    managementAccountId = org.managementAccountId();
    rootId = org.rootId();
    identityStoreId = identityStore.bootstrap();
    instanceArn = identityCenter.bootstrap(managementAccountId, identityStoreId).instanceArn();
    assignments = bootstrap ? TableAssignments.on(db) : new TableAssignments();
    rules = new AssignmentRulesFeature(db, clock, organizations, identityStore, assignments,
        (h, instance, set) -> instance.equals(instanceArn) && permissionSets.contains(set));
    organizations.addAccountCreatedListener(rules.accountCreatedListener());
    organizations.addAccountMovedListener(rules.accountMovedListener());
    aws = new InProcessAws(List.of(organizations.api(), identityStore.api(), identityCenter.api(), rules.api()), clock);
    aws.as(Caller.root(managementAccountId, "AKIAMANAGEMENT000000"));
  }

  /** Another server's view of the same database: its own features, same rows. */
  RulesWorld secondServer(Database sameDatabase) {
    RulesWorld other = new RulesWorld(sameDatabase, false);
    other.permissionSets.addAll(permissionSets);
    return other;
  }

  String ou(String parentId, String name) {
    return ok("organizations", "CreateOrganizationalUnit", Map.of("ParentId", parentId, "Name", name))
        .at("/OrganizationalUnit/Id").asText();
  }

  /** CreateAccount (under the root, as on AWS); tags as key, value, key, value... */
  String account(String... tags) {
    int n = ++accounts;
    Map<String, Object> input = new LinkedHashMap<>(Map.of("Email", "acct" + n + "-" + Ids.hex(6) + "@example.com",
        "AccountName", "acct" + n));
    if (tags.length > 0) input.put("Tags", tagList(tags));
    String id = ok("organizations", "CreateAccount", input).at("/CreateAccountStatus/AccountId").asText();
    assertThat(id).matches("\\d{12}");
    return id;
  }

  /** CreateAccount, then MoveAccount from the root into {@code parentId}. */
  String accountIn(String parentId, String... tags) {
    String id = account(tags);
    move(id, rootId, parentId);
    return id;
  }

  void move(String accountId, String from, String to) {
    ok("organizations", "MoveAccount", Map.of("AccountId", accountId, "SourceParentId", from, "DestinationParentId", to));
  }

  void tag(String resourceId, String... tags) {
    ok("organizations", "TagResource", Map.of("ResourceId", resourceId, "Tags", tagList(tags)));
  }

  void untag(String resourceId, String... keys) {
    ok("organizations", "UntagResource", Map.of("ResourceId", resourceId, "TagKeys", List.of(keys)));
  }

  String group(String name) {
    return ok("identitystore", "CreateGroup", Map.of("IdentityStoreId", identityStoreId, "DisplayName", name))
        .get("GroupId").asText();
  }

  String user(String name) {
    return ok("identitystore", "CreateUser", Map.of("IdentityStoreId", identityStoreId, "UserName", name,
        "DisplayName", name, "Name", Map.of("GivenName", name, "FamilyName", "Test"))).get("UserId").asText();
  }

  /** A permission set ARN of the instance that the lookup reports as existing. */
  String permissionSet() {
    String arn = "arn:aws:sso:::permissionSet/" + instanceArn.substring(instanceArn.lastIndexOf('/') + 1) + "/ps-" + Ids.hex(16);
    permissionSets.add(arn);
    return arn;
  }

  AssignmentTarget target(String permissionSetArn, String groupId, String accountId) {
    return new AssignmentTarget(instanceArn, permissionSetArn, PrincipalType.GROUP, groupId, accountId);
  }

  /** CreateAssignmentRule for a group on an OU; returns the AssignmentRule shape. */
  JsonNode ouRule(String permissionSetArn, String groupId, String ouId) {
    return ok("gatehouse", "CreateAssignmentRule", Map.of("InstanceArn", instanceArn, "PermissionSetArn", permissionSetArn,
        "PrincipalType", "GROUP", "PrincipalId", groupId, "Scope", Map.of("OrganizationalUnitId", ouId)))
        .get("AssignmentRule");
  }

  JsonNode tagRule(String permissionSetArn, String groupId, String key, String value) {
    return ok("gatehouse", "CreateAssignmentRule", Map.of("InstanceArn", instanceArn, "PermissionSetArn", permissionSetArn,
        "PrincipalType", "GROUP", "PrincipalId", groupId, "Scope", Map.of("AccountTag", Map.of("Key", key, "Value", value))))
        .get("AssignmentRule");
  }

  JsonNode describe(String ruleId) {
    return ok("gatehouse", "DescribeAssignmentRule", Map.of("InstanceArn", instanceArn, "AssignmentRuleId", ruleId))
        .get("AssignmentRule");
  }

  void delete(String ruleId) {
    ok("gatehouse", "DeleteAssignmentRule", Map.of("InstanceArn", instanceArn, "AssignmentRuleId", ruleId));
  }

  /** The accounts of the assignments the rule made, as ListAssignmentsForRule lists them (all pages). */
  List<String> accountsOfRule(String ruleId) {
    List<String> out = new java.util.ArrayList<>();
    String token = null;
    do {
      Map<String, Object> in = new LinkedHashMap<>(Map.of("InstanceArn", instanceArn, "AssignmentRuleId", ruleId, "MaxResults", 2));
      if (token != null) in.put("NextToken", token);
      JsonNode page = ok("gatehouse", "ListAssignmentsForRule", in);
      page.get("Assignments").forEach(a -> {
        assertThat(a.get("Origin").asText()).isEqualTo("rule/" + ruleId);
        out.add(a.get("AccountId").asText());
      });
      token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
    } while (token != null);
    return out;
  }

  /** The committed assignments of one origin, by account. */
  List<String> accountsWithOrigin(String origin) {
    return assignments.all(db).stream().filter(r -> r.origin().equals(origin)).map(r -> r.target().accountId()).toList();
  }

  JsonNode ok(String service, String operation, Object input) {
    InProcessAws.Response r = aws.json(service, operation, input);
    assertThat(r.status()).as(operation + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  InProcessAws.Response call(String service, String operation, Object input) {
    return aws.json(service, operation, input);
  }

  private static List<Map<String, String>> tagList(String... tags) {
    List<Map<String, String>> list = new java.util.ArrayList<>();
    for (int i = 0; i < tags.length; i += 2) list.add(Map.of("Key", tags[i], "Value", tags[i + 1]));
    return list;
  }

  @Override
  public void close() {
    db.close();
  }
}
