package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Templates expand to the ARNs AWS uses for sample inputs of the served features. */
class ResourceArnsTest {
  static final OperationCatalog CATALOG = OperationCatalogTest.CATALOG;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACCOUNT = "111122223333";
  static final String MANAGEMENT = "999988887777";
  static final ArnResolver CALLER = ArnResolver.of(ACCOUNT, "o-a1b2c3d4e5");
  /** AWS's general ARN shape: arn:partition:service:region:account:resource. */
  static final Pattern ARN = Pattern.compile("arn:aws:[a-z-]+:[a-z0-9-]*:(\\d{12}|aws)?:.+");

  static JsonNode input(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static List<String> arns(String service, String operation, String json, ArnResolver resolver) {
    CatalogEntry e = CATALOG.find(service, operation);
    List<String> arns = e.resourceArns(input(json), resolver);
    for (String arn : arns) {
      if (arn.equals("*")) continue;
      assertThat(arn).matches(ARN);
      // Each ARN has the shape of one of the action's resource types.
      assertThat(e.resourceTypes()).as(arn).anySatisfy(t -> assertThat(t.arn().matches(arn)).isTrue());
    }
    return arns;
  }

  @Test
  void iamRolesCarryTheirPath() {
    assertThat(arns("iam", "CreateRole", "{'RoleName':'x','Path':'/app/'}", CALLER))
        .containsExactly("arn:aws:iam::111122223333:role/app/x");
    assertThat(arns("iam", "CreateRole", "{'RoleName':'x'}", CALLER)).containsExactly("arn:aws:iam::111122223333:role/x");
    // Without a path in the input, the resolver knows the role's path; else the role is taken at path /.
    ArnResolver knowsPath = (type, variable, bound) -> variable.equals("RoleNameWithPath") ? "app/" + bound.get("RoleName")
        : CALLER.resolve(type, variable, bound);
    assertThat(arns("iam", "GetRole", "{'RoleName':'x'}", knowsPath)).containsExactly("arn:aws:iam::111122223333:role/app/x");
    assertThat(arns("iam", "GetRole", "{'RoleName':'x'}", CALLER)).containsExactly("arn:aws:iam::111122223333:role/x");
    assertThat(arns("iam", "CreateUser", "{'UserName':'alice','Path':'/eng/'}", CALLER))
        .containsExactly("arn:aws:iam::111122223333:user/eng/alice");
    assertThat(arns("iam", "AddUserToGroup", "{'GroupName':'admins','UserName':'alice'}", CALLER))
        .containsExactly("arn:aws:iam::111122223333:group/admins");
  }

  @Test
  void iamPoliciesAreNamedByTheirArn() {
    assertThat(arns("iam", "GetPolicy", "{'PolicyArn':'arn:aws:iam::aws:policy/ReadOnlyAccess'}", CALLER))
        .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(arns("iam", "CreatePolicy", "{'PolicyName':'p','Path':'/a/b/','PolicyDocument':'{}'}", CALLER))
        .containsExactly("arn:aws:iam::111122223333:policy/a/b/p");
    // AttachRolePolicy acts on the role; the policy is the iam:PolicyARN key, not a resource.
    assertThat(arns("iam", "AttachRolePolicy", "{'RoleName':'r','PolicyArn':'arn:aws:iam::aws:policy/ReadOnlyAccess'}", CALLER))
        .containsExactly("arn:aws:iam::111122223333:role/r");
    assertThat(arns("iam", "SimulatePrincipalPolicy", "{'PolicySourceArn':'arn:aws:iam::111122223333:user/eng/bob'}", CALLER))
        .containsExactly("arn:aws:iam::111122223333:user/eng/bob");
    // A value that is not an ARN of the type is not taken for one.
    assertThat(arns("iam", "GetPolicy", "{'PolicyArn':'not-an-arn'}", CALLER)).containsExactly("*");
  }

  @Test
  void actionsWithoutResourceTypesActOnStar() {
    assertThat(arns("iam", "ListRoles", "{}", CALLER)).containsExactly("*");
    assertThat(arns("organizations", "DescribeOrganization", "{}", CALLER)).containsExactly("*");
    assertThat(CATALOG.find("iam", "ListRoles").resourceArns(null, CALLER)).containsExactly("*");
  }

  @Test
  void stsAssumeRoleActsOnTheRoleArn() {
    assertThat(arns("sts", "AssumeRole", "{'RoleArn':'arn:aws:iam::444455556666:role/deploy/DeployRole','RoleSessionName':'s'}", CALLER))
        .containsExactly("arn:aws:iam::444455556666:role/deploy/DeployRole");
    assertThat(arns("sts", "GetFederationToken", "{'Name':'bob'}", CALLER))
        .containsExactly("arn:aws:sts::111122223333:federated-user/bob");
  }

  @Test
  void identityStoreResources() {
    String store = "d-1234567890";
    String user = "c4a8c4d8-3021-70b1-ab2d-6c5e1a7b0f11";
    assertThat(arns("identitystore", "DescribeUser", "{'IdentityStoreId':'" + store + "','UserId':'" + user + "'}", CALLER))
        .containsExactlyInAnyOrder("arn:aws:identitystore::111122223333:identitystore/d-1234567890",
            "arn:aws:identitystore:::user/" + user);
    assertThat(arns("identitystore", "ListGroupMembershipsForMember",
        "{'IdentityStoreId':'" + store + "','MemberId':{'UserId':'" + user + "'}}", CALLER))
        .containsExactlyInAnyOrder("arn:aws:identitystore::111122223333:identitystore/d-1234567890",
            "arn:aws:identitystore:::membership/*", "arn:aws:identitystore:::user/" + user);
    assertThat(arns("identitystore", "CreateGroup", "{'IdentityStoreId':'" + store + "','DisplayName':'g'}", CALLER))
        .contains("arn:aws:identitystore::111122223333:identitystore/d-1234567890");
  }

  @Test
  void identityCenterResources() {
    String instance = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
    String ps = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef";
    assertThat(arns("sso-admin", "CreateAccountAssignment", "{'InstanceArn':'" + instance + "','PermissionSetArn':'" + ps
        + "','TargetId':'444455556666','TargetType':'AWS_ACCOUNT','PrincipalType':'USER','PrincipalId':'u'}", CALLER))
        .containsExactlyInAnyOrder(instance, ps, "arn:aws:sso:::account/444455556666");
    // The permission set CreatePermissionSet is about to create has no ARN yet: only the instance is known.
    assertThat(arns("sso-admin", "CreatePermissionSet", "{'InstanceArn':'" + instance + "','Name':'Admin'}", CALLER))
        .containsExactly(instance);
    assertThat(arns("sso-admin", "DescribePermissionSet", "{'InstanceArn':'" + instance + "','PermissionSetArn':'" + ps + "'}", CALLER))
        .containsExactlyInAnyOrder(instance, ps);
  }

  @Test
  void organizationsResourcesNeedTheOrganizationFromTheResolver() {
    Map<String, String> policyTypes = Map.of("p-abcd1234", "service_control_policy");
    ArnResolver org = (type, variable, bound) -> switch (variable) {
      case "Partition" -> "aws";
      case "Account" -> MANAGEMENT; // organizations resources live in the management account
      case "OrganizationId" -> "o-a1b2c3d4e5";
      case "PolicyType" -> policyTypes.get(bound.get("PolicyId")); // ids as the input gives them
      default -> null;
    };
    assertThat(arns("organizations", "DescribeOrganizationalUnit", "{'OrganizationalUnitId':'ou-ab12-cdef3456'}", org))
        .containsExactly("arn:aws:organizations::999988887777:ou/o-a1b2c3d4e5/ou-ab12-cdef3456");
    assertThat(arns("organizations", "DescribeAccount", "{'AccountId':'444455556666'}", org))
        .containsExactly("arn:aws:organizations::999988887777:account/o-a1b2c3d4e5/444455556666");
    // AttachPolicy acts on the policy and on its target, whichever kind the target id is.
    assertThat(arns("organizations", "AttachPolicy", "{'PolicyId':'p-abcd1234','TargetId':'ou-ab12-cdef3456'}", org))
        .containsExactlyInAnyOrder("arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-abcd1234",
            "arn:aws:organizations::999988887777:ou/o-a1b2c3d4e5/ou-ab12-cdef3456");
    assertThat(arns("organizations", "AttachPolicy", "{'PolicyId':'p-abcd1234','TargetId':'444455556666'}", org))
        .containsExactlyInAnyOrder("arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-abcd1234",
            "arn:aws:organizations::999988887777:account/o-a1b2c3d4e5/444455556666");
    assertThat(arns("organizations", "AttachPolicy", "{'PolicyId':'p-abcd1234','TargetId':'r-ab12'}", org))
        .contains("arn:aws:organizations::999988887777:root/o-a1b2c3d4e5/r-ab12");
    assertThat(arns("organizations", "MoveAccount",
        "{'AccountId':'444455556666','SourceParentId':'r-ab12','DestinationParentId':'ou-ab12-cdef3456'}", org))
        .contains("arn:aws:organizations::999988887777:account/o-a1b2c3d4e5/444455556666",
            "arn:aws:organizations::999988887777:ou/o-a1b2c3d4e5/ou-ab12-cdef3456",
            "arn:aws:organizations::999988887777:root/o-a1b2c3d4e5/r-ab12");
    // Without an organization the resolver cannot name the resource.
    assertThat(arns("organizations", "DescribeOrganizationalUnit", "{'OrganizationalUnitId':'ou-ab12-cdef3456'}",
        ArnResolver.of(ACCOUNT, null))).containsExactly("*");
  }

  @Test
  void requestKeysComeFromTheInput() {
    Map<String, List<String>> ctx = new HashMap<>();
    CATALOG.find("iam", "CreateRole").addRequestKeys(input(
        "{'RoleName':'x','PermissionsBoundary':'arn:aws:iam::111122223333:policy/b','Tags':[{'Key':'team','Value':'red'},{'Key':'env','Value':'prod'}]}"),
        ctx);
    assertThat(ctx).containsEntry("iam:PermissionsBoundary", List.of("arn:aws:iam::111122223333:policy/b"))
        .containsEntry("aws:RequestTag/team", List.of("red")).containsEntry("aws:RequestTag/env", List.of("prod"))
        .containsEntry("aws:TagKeys", List.of("team", "env"));

    ctx.clear();
    CATALOG.find("iam", "AttachRolePolicy").addRequestKeys(input("{'RoleName':'r','PolicyArn':'arn:aws:iam::aws:policy/ReadOnlyAccess'}"), ctx);
    assertThat(ctx).containsExactly(Map.entry("iam:PolicyARN", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")));

    ctx.clear();
    CATALOG.find("iam", "UntagRole").addRequestKeys(input("{'RoleName':'r','TagKeys':['a','b']}"), ctx);
    assertThat(ctx).containsExactly(Map.entry("aws:TagKeys", List.of("a", "b")));

    ctx.clear();
    CATALOG.find("sts", "AssumeRole").addRequestKeys(input(
        "{'RoleArn':'arn:aws:iam::444455556666:role/r','RoleSessionName':'s','ExternalId':'ext','TransitiveTagKeys':['team']}"), ctx);
    assertThat(ctx).containsEntry("sts:ExternalId", List.of("ext")).containsEntry("sts:RoleSessionName", List.of("s"))
        .containsEntry("sts:TransitiveTagKeys", List.of("team"));

    ctx.clear();
    CATALOG.find("organizations", "CreatePolicy").addRequestKeys(input("{'Name':'n','Type':'SERVICE_CONTROL_POLICY','Content':'{}','Description':'d'}"), ctx);
    assertThat(ctx).containsEntry("organizations:PolicyType", List.of("SERVICE_CONTROL_POLICY"));

    // GetRole supports none of these keys, so its input feeds nothing even when it looks alike.
    ctx.clear();
    CATALOG.find("iam", "GetRole").addRequestKeys(input("{'RoleName':'r','PolicyArn':'x'}"), ctx);
    assertThat(ctx).isEmpty();
    assertThat(CATALOG.find("iam", "AttachRolePolicy").requestKeySources()).contains("iam:PolicyARN <- [PolicyArn]");
  }

  @Test
  void everyRequestKeyOfTheDataFeedsSomeOperation() throws Exception {
    java.util.Set<String> fed = new java.util.HashSet<>();
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      for (CatalogEntry e : CATALOG.entries(service)) {
        for (String s : e.requestKeySources()) fed.add(s.substring(0, s.indexOf(" <- ")));
      }
    }
    java.util.Set<String> declared = new java.util.HashSet<>();
    OperationCatalogTest.resource("authz/request-keys.json").fieldNames().forEachRemaining(k -> {
      if (!k.startsWith("_")) declared.add(k);
    });
    assertThat(fed).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void everyEntryExpandsEmptyAndFilledInputsToArnsOfItsTypesOrStar() throws Exception {
    Map<String, JsonNode> models = OperationCatalogTest.models();
    int named = 0;
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      JsonNode model = JSON.readTree(getClass().getClassLoader().getResource("aws-models/" + service + "/service-2.json"));
      for (CatalogEntry e : CATALOG.entries(service)) {
        assertThat(e.resourceArns(input("{}"), CALLER)).as(e.toString()).isNotEmpty();
        // Every top-level string member gets a plausible id: 12 digits for accounts, prefixed ids elsewhere.
        com.fasterxml.jackson.databind.node.ObjectNode filled = JSON.createObjectNode();
        JsonNode shapeRef = models.get(service).path(e.operation()).path("input").path("shape");
        if (!shapeRef.isMissingNode()) {
          model.get("shapes").get(shapeRef.asText()).path("members").fieldNames().forEachRemaining(m ->
              filled.put(m, m.endsWith("AccountId") || m.equals("TargetId") ? "444455556666" : m.equals("Path") ? "/p/" : "ou-ab12-" + m.toLowerCase()));
        }
        for (String arn : e.resourceArns(filled, CALLER)) {
          if (arn.equals("*")) continue;
          named++;
          assertThat(arn).as(e.toString()).matches(ARN);
          assertThat(e.resourceTypes()).as(arn).anySatisfy(t -> assertThat(t.arn().matches(arn)).isTrue());
        }
      }
    }
    assertThat(named).isGreaterThan(150);
  }

  @Property(tries = 200)
  void createRoleArnIsAccountPathAndName(@ForAll @NumericChars @StringLength(12) String account,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String dir, @ForAll @AlphaChars @StringLength(min = 1, max = 64) String name) {
    List<String> arns = CATALOG.find("iam", "CreateRole")
        .resourceArns(input("{'RoleName':'" + name + "','Path':'/" + dir + "/'}"), ArnResolver.of(account, null));
    assertThat(arns).containsExactly("arn:aws:iam::" + account + ":role/" + dir + "/" + name);
  }
}
