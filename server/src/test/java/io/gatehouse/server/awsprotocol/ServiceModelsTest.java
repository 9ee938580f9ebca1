package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceModelsTest {
  final ServiceModels models = ServiceModels.standard();

  @Test
  void loadsTheSevenServicesWithTheirMetadata() {
    Map<String, Integer> operationCounts = Map.of(
        "identitystore", 19, "sso-admin", 79, "organizations", 63, "iam", 176, "sts", 11, "sso", 4, "sso-oidc", 4);
    operationCounts.forEach((name, count) -> assertThat(models.service(name).operations()).as(name).hasSize(count));
    assertThat(models.service("sso-admin").signingName()).isEqualTo("sso");
    assertThat(models.service("sso-admin").targetPrefix()).isEqualTo("SWBExternalService");
    assertThat(models.service("organizations").signingName()).isEqualTo("organizations");
    assertThat(models.service("sso").signingName()).isEqualTo("awsssoportal");
    assertThat(models.service("iam").xmlNamespace()).isEqualTo("https://iam.amazonaws.com/doc/2010-05-08/");
    assertThat(models.service("sts").xmlNamespace()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
    assertThat(models.service("iam").protocol()).isEqualTo(Protocol.QUERY);
    assertThat(models.service("sso-oidc").protocol()).isEqualTo(Protocol.REST_JSON);
  }

  @Test
  void readsOperationsAndErrorShapes() {
    OperationModel createRole = models.service("iam").operation("CreateRole");
    assertThat(createRole.resultWrapper()).isEqualTo("CreateRoleResult");
    assertThat(createRole.input().required).containsExactly("RoleName", "AssumeRolePolicyDocument");
    assertThat(createRole.unsigned()).isFalse();
    assertThat(models.service("sts").operation("AssumeRoleWithWebIdentity").unsigned()).isTrue();
    assertThat(models.service("sso").operation("ListAccounts").uri().toString()).isEqualTo("/assignment/accounts");
    assertThat(models.service("sso").operation("ListAccounts").input().member("maxResults").locationName()).isEqualTo("max_result");
    Shape noSuchEntity = models.service("iam").errorShape("NoSuchEntityException");
    assertThat(noSuchEntity.errorCode).isEqualTo("NoSuchEntity");
    assertThat(noSuchEntity.errorStatus).isEqualTo(404);
    assertThat(models.service("sso-oidc").errorShape("InvalidClientException").errorStatus).isEqualTo(401);
  }

  @Test
  void everyPatternOfEveryModelCompiles() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    int patterns = 0;
    for (String name : ServiceModels.SERVICES) {
      JsonNode raw;
      try (InputStream in = getClass().getResourceAsStream("/aws-models/" + name + "/service-2.json")) {
        raw = mapper.readTree(in);
      }
      ServiceModel model = models.service(name);
      for (var e : raw.get("shapes").properties()) {
        if (e.getValue().has("pattern")) {
          assertThat(model.shapes().get(e.getKey()).pattern).as(name + " " + e.getKey()).isNotNull();
          patterns++;
        }
      }
    }
    assertThat(patterns).isGreaterThan(100);
  }
}
