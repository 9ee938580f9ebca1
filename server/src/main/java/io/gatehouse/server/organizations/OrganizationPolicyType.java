package io.gatehouse.server.organizations;

import java.util.Locale;
import java.util.Optional;

/**
 * The organization policy types Gatehouse implements. The model knows more (TAG_POLICY,
 * BACKUP_POLICY, ...): those are valid on the wire but not available in this organization.
 */
public enum OrganizationPolicyType {
  SERVICE_CONTROL_POLICY("FullAWSAccess"),
  RESOURCE_CONTROL_POLICY("RCPFullAWSAccess");

  private final String defaultPolicyName;

  OrganizationPolicyType(String defaultPolicyName) {
    this.defaultPolicyName = defaultPolicyName;
  }

  /** The id of the AWS-managed policy attached everywhere while the type is enabled. */
  String defaultPolicyId() {
    return "p-" + defaultPolicyName;
  }

  String defaultPolicyName() {
    return defaultPolicyName;
  }

  /** As in policy ARNs: {@code service_control_policy}. */
  String arnSegment() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type for a model enum value, or empty for the types Gatehouse does not implement. */
  static Optional<OrganizationPolicyType> fromWire(String value) {
    for (OrganizationPolicyType t : values()) {
      if (t.name().equals(value)) return Optional.of(t);
    }
    return Optional.empty();
  }
}
