package io.gatehouse.server.organizations;

import io.gatehouse.policy.Finding;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import java.util.List;

/**
 * The one place organization policy documents are validated: by the policy engine's parser, with
 * the rules of SCPs or RCPs.
 */
final class PolicyDocumentCheck {
  private PolicyDocumentCheck() {}

  /** @return the errors found (with their location), empty for a valid document of {@code type} */
  static List<String> problems(String content, OrganizationPolicyType type) {
    PolicyType engineType = switch (type) {
      case SERVICE_CONTROL_POLICY -> PolicyType.SERVICE_CONTROL;
      case RESOURCE_CONTROL_POLICY -> PolicyType.RESOURCE_CONTROL;
    };
    return PolicyParser.parse(content, engineType).errors().stream().map(PolicyDocumentCheck::describe).toList();
  }

  private static String describe(Finding f) {
    return f.message() + (f.line() > 0 ? " (line " + f.line() + ", column " + f.column() + ", at " + f.path() + ")" : " (at " + f.path() + ")");
  }
}
