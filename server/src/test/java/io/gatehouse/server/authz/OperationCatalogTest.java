package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OperationCatalogTest {
  static final OperationCatalog CATALOG = OperationCatalog.load();
  static final ObjectMapper JSON = new ObjectMapper();

  /** Every model folder under aws-models/ on the classpath, with its operations. */
  static Map<String, JsonNode> models() throws IOException, URISyntaxException {
    Path dir = Path.of(OperationCatalogTest.class.getClassLoader().getResource("aws-models").toURI());
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(Files::isDirectory).toList()) {
        out.put(p.getFileName().toString(), JSON.readTree(p.resolve("service-2.json").toFile()).get("operations"));
      }
    }
    return out;
  }

  static JsonNode resource(String name) throws IOException {
    try (InputStream in = OperationCatalogTest.class.getClassLoader().getResourceAsStream(name)) {
      return JSON.readTree(in);
    }
  }

  @Test
  void everyOperationOfEveryServedModelHasAnEntry() throws Exception {
    Map<String, JsonNode> models = models();
    assertThat(models.keySet()).containsExactlyInAnyOrderElementsOf(OperationCatalog.PREFIXES.keySet());
    int count = 0;
    for (var model : models.entrySet()) {
      for (var op : (Iterable<Map.Entry<String, JsonNode>>) model.getValue()::fields) {
        CatalogEntry e = CATALOG.find(model.getKey(), op.getKey());
        assertThat(e).as(model.getKey() + " " + op.getKey()).isNotNull();
        assertThat(e.service()).isEqualTo(model.getKey());
        assertThat(e.operation()).isEqualTo(op.getKey());
        boolean unsignedInModel = "none".equals(op.getValue().path("authtype").asText());
        // An unsigned operation cannot be checked against the caller's policies, and vice versa.
        assertThat(e.access() == Access.UNSIGNED || e.access() == Access.TRUST_POLICY_ONLY)
            .as(e + " unsigned in the model").isEqualTo(unsignedInModel);
        if (e.access() != Access.CHECKED) assertThat(e.overrideReason()).as(e.toString()).isNotBlank();
        if (e.access() == Access.UNSIGNED) assertThat(e.action()).isNull();
        else assertThat(e.action()).startsWith(OperationCatalog.PREFIXES.get(model.getKey()) + ":");
        count++;
      }
      assertThat(CATALOG.entries(model.getKey())).hasSize(model.getValue().size());
    }
    assertThat(count).isGreaterThan(350);
  }

  @Test
  void everyActionNamedExistsInTheServiceAuthorizationReference() throws Exception {
    List<String> notInReference = new ArrayList<>();
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      for (CatalogEntry e : CATALOG.entries(service)) {
        if (e.action() == null) continue;
        String[] parts = e.action().split(":");
        JsonNode actions = resource("authz/actions/" + parts[0] + ".json");
        JsonNode def = actions.get(parts[1].toLowerCase(Locale.ROOT));
        if (def == null) {
          notInReference.add(e.action());
          continue;
        }
        assertThat(def.get("name").asText()).as("spelling of " + e.action()).isEqualTo(parts[1]);
      }
    }
    // The one exception is declared as such in overrides.json.
    assertThat(notInReference).containsExactly("iam:UpdateDelegationRequest");
    assertThat(resource("authz/overrides.json").at("/iam/UpdateDelegationRequest/notInReference").asBoolean()).isTrue();
  }

  @Test
  void actionsAreTheOperationNamesExceptWhereAnOverrideSaysWhy() throws Exception {
    JsonNode overrides = resource("authz/overrides.json");
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      for (CatalogEntry e : CATALOG.entries(service)) {
        JsonNode o = overrides.path(service).get(e.operation());
        if (o == null) {
          assertThat(e.access()).as(e.toString()).isEqualTo(Access.CHECKED);
          assertThat(e.action()).isEqualTo(OperationCatalog.PREFIXES.get(service) + ":" + e.operation());
          assertThat(e.overrideReason()).isNull();
        } else {
          // Justified by name: the reason says which operation or action it is about.
          assertThat(o.get("reason").asText()).as(service + " " + e.operation())
              .containsAnyOf(e.operation(), String.valueOf(e.action()));
          assertThat(e.overrideReason()).isEqualTo(o.get("reason").asText());
          // No override restates the default.
          boolean departs = e.access() != Access.CHECKED || o.path("notInReference").asBoolean()
              || !e.action().equals(OperationCatalog.PREFIXES.get(service) + ":" + e.operation());
          assertThat(departs).as("override of " + service + " " + e.operation() + " changes something").isTrue();
        }
      }
    }
  }

  @Test
  void theDocumentedExceptionsAreThere() {
    assertThat(CATALOG.find("sts", "GetCallerIdentity").access()).isEqualTo(Access.NO_PERMISSION_REQUIRED);
    assertThat(CATALOG.find("sts", "GetSessionToken").access()).isEqualTo(Access.NO_PERMISSION_REQUIRED);
    assertThat(CATALOG.find("sts", "AssumeRoleWithSAML").access()).isEqualTo(Access.TRUST_POLICY_ONLY);
    assertThat(CATALOG.find("sts", "AssumeRoleWithSAML").action()).isEqualTo("sts:AssumeRoleWithSAML");
    assertThat(CATALOG.find("sts", "AssumeRole").access()).isEqualTo(Access.CHECKED);
    assertThat(CATALOG.find("sso", "GetRoleCredentials").access()).isEqualTo(Access.UNSIGNED);
    assertThat(CATALOG.find("sso-oidc", "CreateTokenWithIAM").action()).isEqualTo("sso-oauth:CreateTokenWithIAM");
    assertThat(CATALOG.find("sso-admin", "CreatePermissionSet").action()).isEqualTo("sso:CreatePermissionSet");
    assertThat(CATALOG.find("identitystore", "ListGroupMembershipsForMember").action())
        .isEqualTo("identitystore:ListGroupMembershipsForMember");
    assertThat(CATALOG.find("organizations", "DescribeOrganization").action()).isEqualTo("organizations:DescribeOrganization");
    assertThat(CATALOG.find("iam", "NoSuchOperation")).isNull();
    assertThat(CATALOG.find("s3", "GetObject")).isNull();
    assertThat(CATALOG.find("iam", "GetRole")).isSameAs(CATALOG.find("iam", "GetRole"));
  }

  /** Variables no input carries; the enforcement layer's ArnResolver answers them from the caller and the snapshot. */
  static final java.util.Set<String> RESOLVER_VARIABLES = java.util.Set.of(
      "Partition", "Account", "OrganizationId", "PolicyType", "HandshakeType", "TransferType", "TransferDirection",
      // IAM entities named implicitly: the caller (ChangePassword, ...), a service-linked role, an MFA device by serial
      "UserNameWithPath", "RoleNameWithPath", "PolicyNameWithPath", "MfaTokenIdWithPath", "OidcProviderName",
      "SamlProviderName", "CertificateNameWithPath", "InstanceProfileNameWithPath", "DelegationRequestId",
      // Identity Center resources referenced by ARN members that are absent, or ids of resources being created
      "AccountId", "InstanceId", "ApplicationId", "TrustedTokenIssuerId", "ApplicationProviderId", "PermissionSetId",
      "UserId", "GroupId", "MembershipId", "PolicyId", "RootId", "OrganizationalUnitId", "ResourcePolicyId",
      "ResponsibilityTransferId", "FederatedUserName", "ContextProviderName", "IdentityStoreId", "HandshakeId");

  @Test
  void everyTemplateVariableIsFilledFromTheInputOrByTheResolver() {
    Map<String, TreeSet<String>> unbound = new TreeMap<>();
    int fromInput = 0;
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      for (CatalogEntry e : CATALOG.entries(service)) {
        for (ResourceType t : e.resourceTypes()) {
          if (!t.arnMembers().isEmpty()) {
            fromInput++;
            continue;
          }
          for (int i = 0; i < t.arn().variables().size(); i++) {
            String v = t.arn().variables().get(i);
            if (t.sources(i).isEmpty()) unbound.computeIfAbsent(v, x -> new TreeSet<>()).add(service + ":" + e.operation());
            else fromInput++;
          }
        }
      }
    }
    assertThat(unbound.keySet()).as(unbound.toString()).isSubsetOf(RESOLVER_VARIABLES);
    assertThat(fromInput).isGreaterThan(300);
    // The common resources of the served features are filled from the input, not guessed.
    ResourceType role = CATALOG.find("iam", "GetRole").resourceTypes().getFirst();
    assertThat(role.sourcesOf("RoleNameWithPath")).containsExactly("Path+RoleName");
    assertThat(CATALOG.find("identitystore", "DescribeUser").resourceTypes())
        .filteredOn(t -> t.name().equals("User")).singleElement()
        .satisfies(t -> assertThat(t.sourcesOf("UserId")).containsExactly("UserId"));
  }

  @Test
  void bindingsNameExistingResourceTypesVariablesAndMembers() throws Exception {
    JsonNode bindings = resource("authz/bindings.json");
    // every input member a binding names, over all served models
    java.util.Set<String> members = new java.util.HashSet<>();
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      JsonNode model = JSON.readTree(getClass().getClassLoader().getResource("aws-models/" + service + "/service-2.json"));
      for (JsonNode shape : (Iterable<JsonNode>) model.get("shapes")::elements) {
        shape.path("members").fieldNames().forEachRemaining(members::add);
      }
    }
    for (var prefix : (Iterable<Map.Entry<String, JsonNode>>) bindings::fields) {
      if (prefix.getKey().startsWith("_")) continue;
      JsonNode types = resource("authz/resourceTypes/" + prefix.getKey() + ".json");
      for (var type : (Iterable<Map.Entry<String, JsonNode>>) prefix.getValue()::fields) {
        JsonNode def = types.get(type.getKey());
        assertThat(def).as(prefix.getKey() + " " + type.getKey()).isNotNull();
        List<String> variables = ArnTemplate.parse(def.get("arn").asText()).variables();
        type.getValue().path("variables").fieldNames().forEachRemaining(v ->
            assertThat(variables).as(prefix.getKey() + " " + type.getKey()).contains(v));
        type.getValue().path("arn").forEach(n ->
            assertThat(members).as(n.asText()).contains(InputPath.parse(n.asText()).member()));
        type.getValue().path("variables").forEach(list -> list.forEach(n -> {
          VariableSource src = VariableSource.parse(n.asText());
          assertThat(members).as(n.asText()).contains(src.member());
          if (src instanceof VariableSource.PathAndName p) assertThat(members).contains(p.path().member());
        }));
      }
    }
  }

  @Test
  void conditionKeysCarryTheirTypes() {
    CatalogEntry createRole = CATALOG.find("iam", "CreateRole");
    assertThat(createRole.conditionKeys()).contains(
        new ConditionKey("iam:PermissionsBoundary", ConditionKeyType.ARN),
        new ConditionKey("aws:TagKeys", ConditionKeyType.ARRAY_OF_STRING),
        new ConditionKey("aws:RequestTag/${TagKey}", ConditionKeyType.STRING));
    assertThat(createRole.resourceTypes().getFirst().conditionKeys())
        .contains(new ConditionKey("iam:ResourceTag/${TagKey}", ConditionKeyType.STRING));
    assertThat(CATALOG.find("sts", "AssumeRole").conditionKeys())
        .contains(new ConditionKey("sts:TransitiveTagKeys", ConditionKeyType.ARRAY_OF_STRING),
            new ConditionKey("sts:ExternalId", ConditionKeyType.STRING));
    assertThat(CATALOG.find("iam", "AttachRolePolicy").conditionKeys())
        .contains(new ConditionKey("iam:PolicyARN", ConditionKeyType.ARN));
    assertThat(CATALOG.find("organizations", "AttachPolicy").supportsConditionKey("organizations:PolicyType")).isTrue();
    assertThat(CATALOG.find("iam", "CreateRole").supportsConditionKey("aws:requesttag/Team")).isTrue();
    assertThat(CATALOG.find("iam", "CreateRole").supportsConditionKey("aws:RequestTag/")).isFalse();
    assertThat(CATALOG.find("iam", "GetRole").supportsConditionKey("iam:PolicyARN")).isFalse();
    // Every key of every entry has a type from the reference.
    for (String service : OperationCatalog.PREFIXES.keySet()) {
      for (CatalogEntry e : CATALOG.entries(service)) {
        for (ConditionKey k : e.conditionKeys()) assertThat(k.type()).as(k.name()).isNotNull();
      }
    }
  }
}
