package io.gatehouse.server.organizations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The one place organization policy documents are validated. It will call the policy engine's
 * parser ({@code io.gatehouse.policy.PolicyParser.parse(json, PolicyType.SERVICE_CONTROL /
 * RESOURCE_CONTROL)}) once that module lands; until then it checks that the document is a JSON
 * object.
 */
final class PolicyDocumentCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocumentCheck() {}

  /** @return the problems found, empty for a valid document of {@code type} */
  static List<String> problems(String content, OrganizationPolicyType type) {
    try {
      JsonNode node = JSON.readTree(content);
      if (node == null || !node.isObject()) return List.of("the policy document must be a JSON object");
      return List.of();
    } catch (JsonProcessingException e) {
      return List.of("the policy document is not valid JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
  }
}
